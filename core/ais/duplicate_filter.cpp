#include "core/ais/duplicate_filter.h"

#include <cstdlib>

namespace wake::ais {

void DuplicateFilter::forgetBefore(std::int64_t timeUtcMs)
{
    while (!m_order.empty() && m_order.front().first < timeUtcMs) {
        const auto [time, hash] = m_order.front();
        m_order.pop_front();
        const auto it = m_seen.find(hash);
        if (it != m_seen.end() && it->second.timeUtcMs == time) {
            m_seen.erase(it);
        }
    }
}

std::optional<DuplicateFilter::FirstHearing>
DuplicateFilter::check(std::uint64_t payloadHash, std::int64_t timeUtcMs, int sourceIndex)
{
    forgetBefore(timeUtcMs - kWindowMs);
    const auto it = m_seen.find(payloadHash);
    if (it != m_seen.end() && std::llabs(timeUtcMs - it->second.timeUtcMs) <= kWindowMs) {
        return it->second;
    }
    m_seen[payloadHash] = {timeUtcMs, sourceIndex};
    m_order.emplace_back(timeUtcMs, payloadHash);
    while (m_order.size() > kMaxRemembered) {
        const auto [time, hash] = m_order.front();
        m_order.pop_front();
        const auto old = m_seen.find(hash);
        if (old != m_seen.end() && old->second.timeUtcMs == time) {
            m_seen.erase(old);
        }
    }
    return std::nullopt;
}

} // namespace wake::ais
