#pragma once

// The same AIS message heard by several receivers (or echoed by a
// multiplexer) within a short window is one message. The filter remembers
// each message's payload hash for kWindowMs of message time and says whether
// a message was already seen, and when and from where it was first kept, so
// the caller can store it once and record every hearing.

#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_map>

namespace wake::ais {

class DuplicateFilter
{
public:
    static constexpr std::int64_t kWindowMs = 10'000;
    // A flood of distinct messages cannot grow the filter without bound: past
    // this many, the oldest are forgotten early (a late echo of one of them is
    // then stored again, and the store's key drops it).
    static constexpr std::size_t kMaxRemembered = 1'000'000;

    struct FirstHearing
    {
        std::int64_t timeUtcMs = 0; // the time the kept message was stored at
        int sourceIndex = 0;
    };

    // The first hearing of the same payload within the window, or nullopt
    // when this one is new (it is then remembered as the first).
    std::optional<FirstHearing> check(std::uint64_t payloadHash, std::int64_t timeUtcMs,
                                      int sourceIndex);
    std::size_t remembered() const { return m_seen.size(); }

private:
    void forgetBefore(std::int64_t timeUtcMs);

    std::unordered_map<std::uint64_t, FirstHearing> m_seen;
    // Arrival order, to forget old entries; times may step back a little
    // (several sources), which only keeps an entry slightly longer.
    std::deque<std::pair<std::int64_t, std::uint64_t>> m_order;
};

} // namespace wake::ais
