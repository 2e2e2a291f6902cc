// Lesson 04, the exercise (tasks 3 and 4): validate a client's message, then act on it.
// The types, the error codes and the message builders are in lessons/04-connection-manager/protocol.hpp;
// the protocol is in docs/protocol.md ("04 — connection manager").
#include "protocol.hpp"

#include <algorithm>

namespace lesson04 {

// [task 3] ----
std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text)
{
    // TODO(student) task3: check, in this order, and answer the first problem found with
    //   ProtocolError{std::string(error_codes::...), "what is wrong, for a human"}:
    //   - valid JSON? nlohmann::json::parse(text, nullptr, false) never throws: on bad
    //     input it returns a value whose is_discarded() is true        -> invalid_json
    //   - an object?                                                   -> not_an_object
    //   - a "type"? a string?                                          -> missing_field / wrong_type
    //   - "message": a "text"? a string? not only spaces? at most max_text_chars characters
    //     (utf8_length)?  -> missing_field / wrong_type / empty_text / text_too_long;
    //     then Inbound{ChatText{text}}
    //   - "ping": an "id" is optional; if present it must be a string or a number (wrong_type);
    //     then Inbound{Ping{id}} (id stays null when absent)
    //   - any other type                                               -> unknown_type
    (void)text;
    return ProtocolError{"not_implemented", "parse_inbound is not written yet"};
}
// [end task 3] ----

// [task 4] ----
std::size_t handle_inbound(ConnectionManager& manager, const ConnectionInfo& self, std::string_view text)
{
    // TODO(student) task4: parse_inbound(text), then
    //   - a ProtocolError -> error_message(code, text) to self only (manager.send_to_connection)
    //   - a ChatText      -> chat_message(self.user, text, now) to everybody (manager.broadcast)
    //   - a Ping          -> pong_message(id, now) to self only
    //   where now = std::chrono::system_clock::now(). Return to how many connections it went
    //   (send_to_connection: 1 if it returned true). std::get_if<ProtocolError>(&parsed) tells
    //   you which alternative you have.
    (void)manager, (void)self, (void)text;
    return 0;
}
// [end task 4] ----

}  // namespace lesson04
