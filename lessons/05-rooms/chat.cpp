#include "chat.hpp"

#include <type_traits>

namespace lesson05 {

Connection Chat::connect(const std::string& user, const std::string& remote, std::shared_ptr<Outbox> outbox)
{
    auto joined = presence_.join(user, remote, outbox);
    return Connection{ConnectionInfo{joined.id, user, remote}, std::move(outbox)};
}

void Chat::disconnect(const Connection& connection)
{
    // Out of every room first, as if it had sent leave_room for each (without the room_left:
    // nobody is there to read it), so that nothing is ever routed to a connection that is gone.
    for (const auto& left : rooms_.leave_all(connection.info.id))
        if (left.last_of_user)
            send_to_room(left.room, user_left_room_message(left.room, connection.info.user));
    presence_.leave(connection.info.id, connection.info.user);
}

void Chat::handle(const Connection& from, std::string_view text)
{
    auto parsed = parse_inbound(text);
    if (const auto* problem = std::get_if<ProtocolError>(&parsed)) {
        reply_error(from, problem->code, problem->text);
        return;
    }
    std::visit(
        [&](const auto& message) {
            using Kind = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<Kind, Ping>)
                from.outbox->send(pong_message(message.id, Clock::now()));
            else if constexpr (std::is_same_v<Kind, JoinRoom>)
                join_room(from, message.room);
            else if constexpr (std::is_same_v<Kind, LeaveRoom>)
                leave_room(from, message.room);
            else if constexpr (std::is_same_v<Kind, ChatText>)
                room_message(from, message.room, message.text);
            else if constexpr (std::is_same_v<Kind, PrivateText>)
                private_message(from, message.to, message.text);
            else
                static_assert(!sizeof(Kind), "every kind of inbound message is dispatched");
        },
        std::get<Inbound>(parsed));
}

std::size_t Chat::announce(const std::string& text)
{
    return manager_.broadcast(announcement_message(text, Clock::now()));
}

void Chat::reply_error(const Connection& to, std::string_view code, const std::string& text)
{
    to.outbox->send(error_message(code, text));
}

}  // namespace lesson05
