#include "core/analysis/dark_period_envelopes.h"

#include "core/analysis/ais_gaps.h"
#include "core/analysis/event_builder.h"
#include "core/analysis/reachability.h"
#include "core/analysis/track_math.h"

#include <QRegularExpression>

#include <algorithm>

namespace wake::analysis {

namespace {

// The track's position at a time: the last fix at or before it, else the first.
const model::TrackPoint* fixAt(std::span<const model::TrackPoint> track, std::int64_t t)
{
    if (track.empty()) {
        return nullptr;
    }
    const auto it = std::upper_bound(
        track.begin(), track.end(), t,
        [](std::int64_t time, const model::TrackPoint& p) { return time < p.timeUtcMs; });
    return it == track.begin() ? &track.front() : &*(it - 1);
}

} // namespace

std::optional<double> leadingNumber(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)"));
    const auto m = number.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    return m.captured(1).toDouble();
}

std::vector<model::Event> darkPeriodGaps(std::span<const model::Event> events,
                                         std::span<const model::TrackPoint> track,
                                         double speedKnots, const reference::PortIndex& ports,
                                         std::size_t maxListedPorts, const geo::SeaRouter* sea)
{
    std::vector<model::Event> out;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind != model::EventKind::AisOff) {
            continue;
        }
        const auto on =
            std::find_if(events.begin() + static_cast<std::ptrdiff_t>(i) + 1, events.end(),
                         [](const model::Event& e) { return e.kind == model::EventKind::AisOn; });
        if (on == events.end()) {
            break;
        }
        // The widest reading of dates as reported: off from the start of its
        // day, back on at the end of its day.
        const std::int64_t from = events[i].time.startUtcMs;
        const std::int64_t to = std::max(on->time.endUtcMs, on->time.startUtcMs);
        const model::TrackPoint* a = fixAt(track, from);
        const model::TrackPoint* b = fixAt(track, to);
        if (a == nullptr || b == nullptr || to <= from) {
            continue;
        }
        AisGap gap;
        gap.before = *a;
        gap.before.timeUtcMs = from;
        gap.after = *b;
        gap.after.timeUtcMs = to;
        gap.durationMs = to - from;
        gap.distanceNm = distanceNm(*a, *b);
        gap.impliedKnots = gap.distanceNm / hoursBetween(from, to);
        gap.envelopeKnots = std::max(speedKnots, gap.impliedKnots);
        const ReachabilityEnvelope envelope =
            makeEnvelope(positionOf(*a), positionOf(*b), gap.durationMs, gap.envelopeKnots);
        gap.possibleCalls = portsInside(envelope, ports, maxListedPorts, sea, &gap.callsInReach);
        gap.vast = isVast(envelope);
        gap.reachNm = reachNm(envelope);
        model::Event e = aisGapEvent(events[i].vesselId.value_or(0), gap);
        e.origin = QStringLiteral("reconstruction");
        e.coordBasis = model::CoordBasis::Reported;
        e.title = QStringLiteral("Where it could have been while AIS was off (reconstruction)");
        e.attribution = events[i].attribution;
        e.attribution.note = QStringLiteral("Reconstructed by Wake from the reported dates and "
                                            "places at the ship's reported service speed");
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace wake::analysis
