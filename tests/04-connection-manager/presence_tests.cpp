// Presence in a crowd: a classroom arriving at once must not cost every client a message per
// newcomer (O(N) each, O(N²) in all). Changes are collected and go out as one presence message
// per interval, so what each client receives is bounded by time, not by the crowd.
#include "helpers.hpp"

#include <algorithm>
#include <memory>
#include <set>

using namespace lesson04::test;

TEST_CASE("200 users arriving at once get a few presence messages each, not one per newcomer", "[task2]")
{
    lesson04::SessionLimits limits;
    limits.presence_interval = std::chrono::milliseconds(100);
    ChatServer server(lesson_options(), limits);

    constexpr std::size_t users = 200;
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::unique_ptr<WsClient>> clients;
    for (std::size_t i = 0; i < users; ++i)
        clients.push_back(std::make_unique<WsClient>(server.port(), "/ws?user=u" + std::to_string(i)));

    // Each client follows the roster (its welcome, then every presence message) until it
    // holds all 200 users.
    std::size_t most = 0;
    for (auto& client : clients) {
        auto welcome = expect(*client, "welcome");
        std::set<std::string> online(welcome["users"].begin(), welcome["users"].end());
        CHECK(expect(*client, "connections")["count"] == 1);
        std::size_t presence_messages = 0;
        while (online.size() < users) {
            auto presence = expect(*client, "presence");
            ++presence_messages;
            for (const auto& user : presence["joined"])
                online.insert(user);
            for (const auto& user : presence["left"])
                online.erase(user);
        }
        most = std::max(most, presence_messages);
    }
    // At most one presence message per interval while the crowd arrived (and one more for the
    // interval the last one started).
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const auto intervals = static_cast<std::size_t>(elapsed / limits.presence_interval) + 2;
    INFO("the crowd took " << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                           << " ms; the busiest client got " << most << " presence messages");
    CHECK(most <= intervals);
    CHECK(most < users / 2);
    CHECK(errors_logged(server) == 0);
}
