// The sessions that are open, each with a way to close itself with 1001 (going away), so that
// Ctrl-C says goodbye to every client instead of dropping TCP connections.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>

namespace wscourse {

class OpenSessions {
    struct State {
        std::mutex mutex;
        std::list<std::function<void()>> close_hooks;
        bool closing = false;
    };

public:
    using CloseHook = std::function<void()>;

    // Removes its session when destroyed. It holds the registry weakly, so a session that
    // outlives the server (a coroutine frame destroyed with the io_context) is harmless.
    class Registration {
    public:
        Registration() = default;
        Registration(Registration&&) noexcept = default;
        Registration& operator=(Registration&&) noexcept;
        ~Registration();

    private:
        friend class OpenSessions;
        Registration(std::weak_ptr<State> state, std::list<CloseHook>::iterator hook);
        void reset();
        std::weak_ptr<State> state_;
        std::list<CloseHook>::iterator hook_;
    };

    // Registers a session. The hook must close it with 1001 from whatever thread calls
    // close_all() (post to the session's strand if it has one). If the registry is already
    // closing, the hook is called at once.
    [[nodiscard]] Registration add(CloseHook close_going_away);

    // Calls every hook; sessions added afterwards are closed as they arrive.
    void close_all();

    std::size_t size() const;
    bool closing() const;

private:
    std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace wscourse
