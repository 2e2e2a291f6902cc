#include "chat.hpp"

#include <type_traits>

namespace lesson05 {

lesson04::Presence::Joined Chat::join(const std::string& user, const std::string& remote,
                                      std::shared_ptr<Outbox> outbox)
{
    return presence_.join(user, remote, std::move(outbox));
}

void Chat::leave(const ConnectionInfo& self)
{
    // Out of every room first, as if it had sent leave_room for each (without the room_left:
    // nobody is there to read it), so that nothing is ever routed to a connection that is gone.
    for (const auto& left : rooms_.leave_all(self.id))
        if (left.last_of_user)
            send_to_room(rooms_, left.room, user_left_room_message(left.room, self.user));
    presence_.leave(self.id, self.user);
}

std::size_t Chat::handle(const ConnectionInfo& self, const std::shared_ptr<Outbox>& outbox, std::string_view text)
{
    const Connection from{self, outbox};
    auto parsed = parse_inbound(text);
    if (const auto* problem = std::get_if<ProtocolError>(&parsed))
        return reply_error(from, problem->code, problem->text);
    return std::visit(
        [&](const auto& message) -> std::size_t {
            using Kind = std::decay_t<decltype(message)>;
            if constexpr (std::is_same_v<Kind, Ping>) {
                from.outbox->send(lesson04::pong_message(message.id, Clock::now()));
                return 1;
            } else if constexpr (std::is_same_v<Kind, JoinRoom>) {
                return join_room(rooms_, from, message.room);
            } else if constexpr (std::is_same_v<Kind, LeaveRoom>) {
                return leave_room(rooms_, from, message.room);
            } else if constexpr (std::is_same_v<Kind, ChatText>) {
                return room_message(rooms_, from, message.room, message.text);
            } else if constexpr (std::is_same_v<Kind, PrivateText>) {
                return private_message(manager_, from, message.to, message.text);
            } else {
                static_assert(!sizeof(Kind), "every kind of inbound message is dispatched");
            }
        },
        std::get<Inbound>(parsed));
}

std::size_t Chat::announce(const std::string& text)
{
    return manager_.broadcast(announcement_message(text, Clock::now()));
}

std::size_t reply_error(const Connection& to, std::string_view code, const std::string& text)
{
    to.outbox->send(error_message(code, text));
    return 1;
}

}  // namespace lesson05
