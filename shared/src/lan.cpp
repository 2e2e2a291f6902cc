#include <wscourse/lan.hpp>

#include <algorithm>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace wscourse {
namespace {
bool is_private(const std::string& address)
{
    return address.rfind("192.168.", 0) == 0 || address.rfind("10.", 0) == 0
        || (address.rfind("172.", 0) == 0 && [&] {
               int second = std::atoi(address.c_str() + 4);
               return second >= 16 && second <= 31;
           }());
}
}  // namespace

std::vector<std::string> lan_addresses()
{
    std::vector<std::string> addresses;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return addresses;
    for (ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET)
            continue;
        if (!(entry->ifa_flags & IFF_UP) || (entry->ifa_flags & IFF_LOOPBACK))
            continue;
        char text[INET_ADDRSTRLEN] = {};
        auto* v4 = reinterpret_cast<sockaddr_in*>(entry->ifa_addr);
        if (inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text)
            && std::find(addresses.begin(), addresses.end(), text) == addresses.end())
            addresses.emplace_back(text);
    }
    freeifaddrs(list);
    std::stable_partition(addresses.begin(), addresses.end(), is_private);
    return addresses;
}

}  // namespace wscourse
