#include <wscourse/connection_caps.hpp>

namespace wscourse {

net::ip::address plain_address(const net::ip::address& address)
{
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
    return address;
}

ConnectionCaps::ConnectionCaps(std::size_t max_total, std::size_t max_per_address)
    : max_total_(max_total), max_per_address_(max_per_address)
{
}

ConnectionCaps::Place ConnectionCaps::take(const net::ip::address& peer, std::string& refusal)
{
    const auto address = plain_address(peer);
    {
        std::lock_guard lock(state_->mutex);
        if (state_->total >= max_total_) {
            refusal = "too many connections (" + std::to_string(max_total_) + ")";
            return nullptr;
        }
        auto& from_peer = state_->per_address[address];
        if (max_per_address_ != 0 && from_peer >= max_per_address_) {
            refusal = "too many connections from " + address.to_string() + " ("
                    + std::to_string(max_per_address_) + ")";
            return nullptr;  // from_peer stays: it counts the open ones, at least max_per_address_
        }
        ++state_->total;
        ++from_peer;
    }
    // The place's destructor gives it back, under the same mutex.
    auto release = [state = state_, address](void*) {
        std::lock_guard lock(state->mutex);
        --state->total;
        if (auto it = state->per_address.find(address); it != state->per_address.end() && --it->second == 0)
            state->per_address.erase(it);
    };
    return Place(static_cast<void*>(state_.get()), std::move(release));
}

std::size_t ConnectionCaps::open() const
{
    std::lock_guard lock(state_->mutex);
    return state_->total;
}

ByteBudget::ByteBudget(std::size_t max_bytes) : max_bytes_(max_bytes) {}

ByteBudget::Reservation ByteBudget::reserve(std::size_t bytes)
{
    {
        std::lock_guard lock(state_->mutex);
        if (bytes > max_bytes_ - state_->used)
            return nullptr;
        state_->used += bytes;
    }
    auto release = [state = state_, bytes](void*) {
        std::lock_guard lock(state->mutex);
        state->used -= bytes;
    };
    return Reservation(static_cast<void*>(state_.get()), std::move(release));
}

std::size_t ByteBudget::used() const
{
    std::lock_guard lock(state_->mutex);
    return state_->used;
}

}  // namespace wscourse
