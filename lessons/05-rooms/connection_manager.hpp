// Who is connected, and how to reach them: lesson 04's ConnectionManager, carried forward
// unchanged (connection_manager.cpp is lesson 04's answer). Pure logic, no sockets: the unit
// tests drive it with fake Outboxes, and the server with its sessions.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lesson05 {

// Where a connection's messages go: a session (session.hpp), or a fake in the unit tests.
class Outbox {
public:
    virtual ~Outbox() = default;
    // Queues one serialized message for the connection. Must not block and may be called from
    // any thread: the session hands it to its own strand and its writer.
    virtual void send(std::shared_ptr<const std::string> message) = 0;
};

struct ConnectionInfo {
    std::string id;      // a UUID v4, e.g. "3b2f8c1e-6a0d-4f57-9c1b-2d8e6f0a4b19"
    std::string user;    // "ana": one user may have several connections (tabs, phone)
    std::string remote;  // "127.0.0.1:51234"
};

// A new random (version 4) UUID in its 36-character text form. Given (connection_id.cpp).
std::string new_connection_id();

// Thread-safe: a mutex guards the maps, and no Outbox is ever called while it is held (an
// Outbox may take locks of its own, and a fan-out to 1000 connections must not block adds
// and removes for its whole length).
class ConnectionManager {
public:
    // Registers a connection and returns its new id (new_connection_id()).
    std::string add(std::string user, std::string remote, std::shared_ptr<Outbox> outbox);

    // Forgets a connection; an unknown id is not an error (it is simply ignored).
    void remove(const std::string& connection_id);

    // Each returns whether / to how many connections the message was handed.
    bool send_to_connection(const std::string& connection_id, std::shared_ptr<const std::string> message);
    std::size_t send_to_user(const std::string& user, std::shared_ptr<const std::string> message);
    std::size_t broadcast(std::shared_ptr<const std::string> message);

    struct Stats {
        std::size_t connections = 0;
        std::size_t unique_users = 0;
    };
    Stats stats() const;

    std::vector<std::string> users() const;  // sorted, each once
    // The user's connections, oldest first; empty for a user who is not connected.
    std::vector<ConnectionInfo> connections_of(const std::string& user) const;

private:
    struct Connection {
        ConnectionInfo info;
        std::shared_ptr<Outbox> outbox;
    };

    mutable std::mutex mutex_;
    std::unordered_map<std::string, Connection> connections_;    // by connection id
    std::map<std::string, std::vector<std::string>> by_user_;    // user -> connection ids, oldest first
};

}  // namespace lesson05
