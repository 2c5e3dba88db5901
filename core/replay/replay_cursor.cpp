#include "core/replay/replay_cursor.h"

#include <algorithm>
#include <cmath>

namespace wake::replay {

ReplayCursor::ReplayCursor(std::int64_t startUtcMs, std::int64_t endUtcMs)
{
    setRange(startUtcMs, endUtcMs);
    m_time = m_start;
}

void ReplayCursor::setRange(std::int64_t startUtcMs, std::int64_t endUtcMs)
{
    m_start = std::min(startUtcMs, endUtcMs);
    m_end = std::max(startUtcMs, endUtcMs);
    m_time = clamp(m_time);
}

std::int64_t ReplayCursor::clamp(std::int64_t t) const
{
    return std::clamp(t, m_start, m_end);
}

void ReplayCursor::setEvents(std::vector<ReplayEvent> events)
{
    m_events = std::move(events);
    std::stable_sort(
        m_events.begin(), m_events.end(),
        [](const ReplayEvent& a, const ReplayEvent& b) { return a.timeUtcMs < b.timeUtcMs; });
}

void ReplayCursor::setRate(double rate)
{
    if (std::isfinite(rate) && rate > 0) {
        m_rate = rate;
    }
}

void ReplayCursor::play()
{
    if (m_time >= m_end) {
        m_time = m_start; // playing from the end starts again
    }
    m_playing = true;
}

std::vector<ReplayEvent> ReplayCursor::advanceTo(std::int64_t timeUtcMs)
{
    const std::int64_t from = m_time;
    const std::int64_t to = clamp(timeUtcMs);
    // An event is reached when the time is at or after it; crossing one is a
    // change of that, so forwards (from, to] and backwards (to, from].
    std::vector<ReplayEvent> crossed;
    if (to > from) {
        for (const ReplayEvent& e : m_events) {
            if (e.timeUtcMs > from && e.timeUtcMs <= to) {
                crossed.push_back(e);
            }
        }
    } else if (to < from) {
        for (auto it = m_events.rbegin(); it != m_events.rend(); ++it) {
            if (it->timeUtcMs <= from && it->timeUtcMs > to) {
                crossed.push_back(*it);
            }
        }
    }
    m_time = to;
    m_fraction = 0;
    return crossed;
}

std::vector<ReplayEvent> ReplayCursor::tick(std::int64_t wallMs)
{
    if (!m_playing || wallMs <= 0) {
        return {};
    }
    const double step = m_rate * static_cast<double>(wallMs) + m_fraction;
    const auto whole = static_cast<std::int64_t>(std::floor(step));
    const double fraction = step - static_cast<double>(whole);
    std::int64_t target = m_time + whole;
    // Stop on the first pause event on the way.
    for (const ReplayEvent& e : m_events) {
        if (e.timeUtcMs > m_time && e.timeUtcMs <= target && m_pauseKinds.count(e.kind) != 0) {
            target = e.timeUtcMs;
            auto crossed = advanceTo(target);
            m_playing = false;
            return crossed;
        }
    }
    if (target >= m_end) {
        auto crossed = advanceTo(m_end);
        if (m_loop) {
            m_time = m_start;
        } else {
            m_playing = false;
        }
        return crossed;
    }
    auto crossed = advanceTo(target);
    m_fraction = fraction;
    return crossed;
}

std::optional<ReplayEvent> ReplayCursor::nextEvent() const
{
    const auto it = std::find_if(m_events.begin(), m_events.end(), [&](const ReplayEvent& e) {
        return e.timeUtcMs > m_time && e.timeUtcMs <= m_end;
    });
    return it != m_events.end() ? std::optional<ReplayEvent>(*it) : std::nullopt;
}

std::optional<ReplayEvent> ReplayCursor::previousEvent() const
{
    const auto it = std::find_if(m_events.rbegin(), m_events.rend(), [&](const ReplayEvent& e) {
        return e.timeUtcMs < m_time && e.timeUtcMs >= m_start;
    });
    return it != m_events.rend() ? std::optional<ReplayEvent>(*it) : std::nullopt;
}

std::optional<ReplayEvent> ReplayCursor::stepToNextEvent()
{
    const auto e = nextEvent();
    if (e) {
        advanceTo(e->timeUtcMs);
    }
    return e;
}

std::optional<ReplayEvent> ReplayCursor::stepToPreviousEvent()
{
    const auto e = previousEvent();
    if (e) {
        advanceTo(e->timeUtcMs);
    }
    return e;
}

std::optional<ReplayEvent> ReplayCursor::lastEventReached() const
{
    const auto it = std::find_if(m_events.rbegin(), m_events.rend(),
                                 [&](const ReplayEvent& e) { return e.timeUtcMs <= m_time; });
    return it != m_events.rend() ? std::optional<ReplayEvent>(*it) : std::nullopt;
}

} // namespace wake::replay
