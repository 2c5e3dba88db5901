#include "core/analysis/event_builder.h"

#include "core/analysis/track_math.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace wake::analysis {

namespace {

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// Figures in evidence keep what matters and no more (0.001 nm is 2 m).
double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QString portText(const model::Port* port)
{
    if (port == nullptr) {
        return QStringLiteral("an unnamed place");
    }
    return port->locode.isEmpty() ? port->name
                                  : QStringLiteral("%1 (%2)").arg(port->name, port->locode);
}

QJsonObject portJson(const model::Port* port)
{
    if (port == nullptr) {
        return {};
    }
    return {{QStringLiteral("unlocode"), port->locode},
            {QStringLiteral("name"), port->name},
            {QStringLiteral("country"), port->countryAlpha2}};
}

model::Event detected(model::EventKind kind, model::VesselId vesselId, std::int64_t start,
                      std::int64_t end, model::Confidence confidence)
{
    model::Event e;
    e.kind = kind;
    e.vesselId = vesselId;
    e.time = {start, end, model::TimePrecision::Minute};
    e.coordBasis = model::CoordBasis::Observed;
    e.category = QStringLiteral("detected");
    e.origin = QStringLiteral("analysis");
    e.attribution.confidence = confidence;
    e.attribution.note = QStringLiteral("Detected by Wake from AIS positions");
    return e;
}

QString hours(std::int64_t ms)
{
    return QString::number(static_cast<double>(ms) / kMsPerHour, 'f', 1);
}

} // namespace

QJsonObject fixJson(const model::TrackPoint& p)
{
    QJsonObject o{{QStringLiteral("t"),
                   QDateTime::fromMSecsSinceEpoch(p.timeUtcMs, Qt::UTC).toString(Qt::ISODate)},
                  {QStringLiteral("lat"), rounded(p.latDeg, 6)},
                  {QStringLiteral("lon"), rounded(p.lonDeg, 6)}};
    if (p.sogKnots) {
        o.insert(QStringLiteral("sog"), rounded(*p.sogKnots, 1));
    }
    if (p.cogDeg) {
        o.insert(QStringLiteral("cog"), rounded(*p.cogDeg, 1));
    }
    return o;
}

model::Event portVisitEvent(model::VesselId vesselId, const PortVisit& visit)
{
    model::Event e = detected(model::EventKind::PortVisit, vesselId, visit.startUtcMs,
                              visit.endUtcMs, model::Confidence::High);
    if (visit.port != nullptr) {
        e.position = visit.port->position;
        e.coordBasis = model::CoordBasis::PortReference;
        e.portLocode = visit.port->locode;
        e.place = visit.port->name;
    }
    e.title = QStringLiteral("Port visit: %1").arg(portText(visit.port));
    e.description = QStringLiteral("In port for %1 h; first stop at %2.")
                        .arg(hours(visit.endUtcMs - visit.startUtcMs),
                             QDateTime::fromMSecsSinceEpoch(visit.stopStartUtcMs, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    e.evidence = compact(
        {{QStringLiteral("port"), portJson(visit.port)},
         {QStringLiteral("durationH"), rounded(hoursBetween(visit.startUtcMs, visit.endUtcMs), 2)},
         {QStringLiteral("closestKm"), rounded(visit.closestKm, 3)},
         {QStringLiteral("gapsInside"), visit.gapsInside},
         {QStringLiteral("stopStart"),
          QDateTime::fromMSecsSinceEpoch(visit.stopStartUtcMs, Qt::UTC).toString(Qt::ISODate)}});
    return e;
}

model::Event aisGapEvent(model::VesselId vesselId, const AisGap& gap)
{
    model::Event e = detected(model::EventKind::AisGap, vesselId, gap.before.timeUtcMs,
                              gap.after.timeUtcMs, model::Confidence::Medium);
    e.position = positionOf(gap.before);
    // What the data says the gap is, most telling first.
    const QString reading = gap.stationary ? QStringLiteral("not transmitting while stationary")
                            : gap.receptionEdge ? QStringLiteral("at the edge of reception")
                            : gap.possibleDisabling
                                ? QStringLiteral("possible intentional disabling")
                                : QString();
    e.title = reading.isEmpty()
                  ? QStringLiteral("AIS gap of %1 h").arg(hours(gap.durationMs))
                  : QStringLiteral("AIS gap of %1 h: %2").arg(hours(gap.durationMs), reading);
    if (gap.stationary || gap.receptionEdge) {
        e.attribution.confidence = model::Confidence::Low;
    }
    // An envelope over most of an ocean is no useful shape: said as a reach.
    const QString where =
        gap.vast ? QStringLiteral(" It could have been anywhere within %1 nm of where it went "
                                  "quiet.")
                       .arg(gap.reachNm, 0, 'f', 0)
                 : QString();
    e.description =
        QStringLiteral("No position for %1 h, from %2 nm off shore; %3 nm between the fixes "
                       "(%4 kn).%5 %6 port(s) lie within reach by sea at %7 kn.")
            .arg(hours(gap.durationMs))
            .arg(gap.shoreNm, 0, 'f', 0)
            .arg(gap.distanceNm, 0, 'f', 1)
            .arg(gap.impliedKnots, 0, 'f', 1)
            .arg(where)
            .arg(gap.callsInReach)
            .arg(gap.envelopeKnots, 0, 'f', 1);
    QJsonArray calls;
    for (const PossibleCall& c : gap.possibleCalls) {
        QJsonObject o = portJson(c.port);
        o.insert(QStringLiteral("lat"), rounded(c.port->position.latDeg, 5));
        o.insert(QStringLiteral("lon"), rounded(c.port->position.lonDeg, 5));
        o.insert(QStringLiteral("detourNm"), rounded(c.detourNm, 1));
        calls.append(o);
    }
    e.evidence = compact({{QStringLiteral("before"), fixJson(gap.before)},
                          {QStringLiteral("after"), fixJson(gap.after)},
                          {QStringLiteral("durationH"), rounded(gap.durationMs / kMsPerHour, 2)},
                          {QStringLiteral("distanceNm"), rounded(gap.distanceNm, 2)},
                          {QStringLiteral("impliedKnots"), rounded(gap.impliedKnots, 2)},
                          {QStringLiteral("shoreNm"), rounded(gap.shoreNm, 1)},
                          {QStringLiteral("possibleDisabling"), gap.possibleDisabling},
                          {QStringLiteral("stationary"), gap.stationary},
                          {QStringLiteral("receptionEdge"), gap.receptionEdge},
                          {QStringLiteral("othersQuietNearby"), gap.othersQuietNearby},
                          {QStringLiteral("envelopeKnots"), rounded(gap.envelopeKnots, 2)},
                          {QStringLiteral("vastEnvelope"), gap.vast},
                          {QStringLiteral("reachNm"), rounded(gap.reachNm, 0)},
                          {QStringLiteral("callsInReach"), static_cast<double>(gap.callsInReach)},
                          {QStringLiteral("possibleCalls"), calls}});
    return e;
}

model::Event encounterEvent(const Encounter& x, const VesselNamer& name)
{
    model::Event e = detected(model::EventKind::Encounter, x.vesselId, x.startUtcMs, x.endUtcMs,
                              model::Confidence::Medium);
    e.otherVesselId = x.otherVesselId;
    e.position = x.position;
    e.title = QStringLiteral("Encounter: %1 and %2").arg(name(x.vesselId), name(x.otherVesselId));
    e.description = QStringLiteral("Within %1 m (median) for %2 h at %3 and %4 kn (median).")
                        .arg(x.medianDistanceM, 0, 'f', 0)
                        .arg(hours(x.endUtcMs - x.startUtcMs))
                        .arg(x.medianKnots, 0, 'f', 1)
                        .arg(x.otherMedianKnots, 0, 'f', 1);
    e.evidence =
        compact({{QStringLiteral("durationH"), rounded(hoursBetween(x.startUtcMs, x.endUtcMs), 2)},
                 {QStringLiteral("medianDistanceM"), rounded(x.medianDistanceM, 0)},
                 {QStringLiteral("minDistanceM"), rounded(x.minDistanceM, 0)},
                 {QStringLiteral("medianKnots"), rounded(x.medianKnots, 2)},
                 {QStringLiteral("otherMedianKnots"), rounded(x.otherMedianKnots, 2)},
                 {QStringLiteral("samples"), x.samples}});
    return e;
}

model::Event loiteringEvent(model::VesselId vesselId, const Loitering& l)
{
    model::Event e = detected(model::EventKind::Loitering, vesselId, l.startUtcMs, l.endUtcMs,
                              model::Confidence::Medium);
    e.position = l.position;
    e.title = QStringLiteral("Loitering for %1 h").arg(hours(l.endUtcMs - l.startUtcMs));
    e.description = QStringLiteral("Mean speed %1 kn, at least %2 nm from shore.")
                        .arg(l.meanKnots, 0, 'f', 2)
                        .arg(l.shoreNm, 0, 'f', 0);
    e.evidence =
        compact({{QStringLiteral("durationH"), rounded(hoursBetween(l.startUtcMs, l.endUtcMs), 2)},
                 {QStringLiteral("meanKnots"), rounded(l.meanKnots, 2)},
                 {QStringLiteral("shoreNm"), rounded(l.shoreNm, 1)},
                 {QStringLiteral("fixes"), static_cast<int>(l.lastIndex - l.firstIndex + 1)}});
    return e;
}

model::Event positionJumpEvent(model::VesselId vesselId, std::span<const model::TrackPoint> track,
                               const PositionJump& jump)
{
    const model::TrackPoint& p = track[jump.index];
    model::Event e = detected(model::EventKind::PositionJump, vesselId, p.timeUtcMs, p.timeUtcMs,
                              model::Confidence::High);
    e.time.precision = model::TimePrecision::Second;
    e.position = positionOf(p);
    e.title = QStringLiteral("Position jump (excluded)");
    e.description = QStringLiteral("This fix implies %1 kn from the fix before and %2 kn to the "
                                   "next; it is left out of the other detectors.")
                        .arg(jump.fromPreviousKnots, 0, 'f', 0)
                        .arg(jump.toNextKnots, 0, 'f', 0);
    QJsonObject evidence{{QStringLiteral("fix"), fixJson(p)},
                         {QStringLiteral("fromPreviousKnots"), rounded(jump.fromPreviousKnots, 1)},
                         {QStringLiteral("toNextKnots"), rounded(jump.toNextKnots, 1)}};
    if (jump.index > 0) {
        evidence.insert(QStringLiteral("previous"), fixJson(track[jump.index - 1]));
    }
    if (jump.index + 1 < track.size()) {
        evidence.insert(QStringLiteral("next"), fixJson(track[jump.index + 1]));
    }
    e.evidence = compact(evidence);
    return e;
}

model::Event unlistedJumpsEvent(model::VesselId vesselId, std::span<const model::TrackPoint> track,
                                std::span<const PositionJump> unlisted, std::size_t total)
{
    const model::TrackPoint& first = track[unlisted.front().index];
    const model::TrackPoint& last = track[unlisted.back().index];
    model::Event e = detected(model::EventKind::PositionJump, vesselId, first.timeUtcMs,
                              last.timeUtcMs, model::Confidence::High);
    e.time.precision = model::TimePrecision::Second;
    e.position = positionOf(first);
    e.title = QStringLiteral("%1 more position jumps (excluded, not listed)").arg(unlisted.size());
    e.description =
        QStringLiteral("This track has %1 position jumps: the first %2 are listed one by one, "
                       "these %3 are only counted. So many impossible fixes usually mean "
                       "several transmitters share the MMSI or the data is damaged; every "
                       "jump is left out of the other detectors.")
            .arg(total)
            .arg(total - unlisted.size())
            .arg(unlisted.size());
    e.evidence = compact({{QStringLiteral("jumps"), static_cast<qint64>(total)},
                          {QStringLiteral("notListed"), static_cast<qint64>(unlisted.size())},
                          {QStringLiteral("first"), fixJson(first)},
                          {QStringLiteral("last"), fixJson(last)}});
    return e;
}

model::Event identityChangeEvent(model::VesselId vesselId, const IdentityChange& c)
{
    model::Event e = detected(model::EventKind::IdentityChange, vesselId, c.timeUtcMs, c.timeUtcMs,
                              model::Confidence::High);
    e.time.precision = model::TimePrecision::Second;
    e.coordBasis = model::CoordBasis::None;
    e.title =
        QStringLiteral("Identity change: %1 \"%2\" → \"%3\"").arg(c.field, c.oldValue, c.newValue);
    e.attribution.note = QStringLiteral("Detected by Wake from AIS static data");
    e.evidence = compact({{QStringLiteral("field"), c.field},
                          {QStringLiteral("old"), c.oldValue},
                          {QStringLiteral("new"), c.newValue}});
    return e;
}

model::Event integrityEvent(model::VesselId vesselId, const IntegrityFinding& f)
{
    using Kind = IntegrityFinding::Kind;
    const bool conflict = f.kind == Kind::InvalidImo || f.kind == Kind::SharedImo;
    model::Event e = detected(conflict ? model::EventKind::IdentityConflict
                                       : model::EventKind::SpoofingSuspected,
                              vesselId, f.startUtcMs, f.endUtcMs, model::Confidence::Medium);
    e.otherVesselId = f.otherVesselId;
    if (f.position) {
        e.position = *f.position;
    } else {
        e.coordBasis = model::CoordBasis::None;
    }
    const QString rule = f.kind == Kind::InvalidImo  ? QStringLiteral("invalidImo")
                         : f.kind == Kind::SharedImo ? QStringLiteral("sharedImo")
                         : f.kind == Kind::Inland    ? QStringLiteral("inland")
                         : f.kind == Kind::Circling  ? QStringLiteral("circling")
                                                     : QStringLiteral("frozen");
    e.title = (conflict ? QStringLiteral("Identity conflict: %1")
                        : QStringLiteral("Spoofing "
                                         "suspected: %1"))
                  .arg(f.detail);
    QJsonObject values;
    for (const auto& [key, value] : f.values) {
        values.insert(key, value);
    }
    e.evidence = compact({{QStringLiteral("rule"), rule}, {QStringLiteral("values"), values}});
    return e;
}

model::Voyage detectedVoyage(model::VesselId vesselId, const DetectedVoyage& d)
{
    model::Voyage v;
    v.vesselId = vesselId;
    v.key = QStringLiteral("analysis:%1").arg(d.departureUtcMs);
    v.origin = QStringLiteral("analysis");
    auto name = [](const model::Port* p) {
        return p ? p->name : QStringLiteral("?");
    };
    v.name = QStringLiteral("%1 → %2").arg(name(d.origin), name(d.destination));
    v.originLocode = d.origin ? d.origin->locode : QString();
    v.destinationLocode = d.destination ? d.destination->locode : QString();
    v.departure = model::TimeSpan{d.departureUtcMs, d.departureUtcMs, model::TimePrecision::Minute};
    v.arrival = model::TimeSpan{d.arrivalUtcMs, d.arrivalUtcMs, model::TimePrecision::Minute};
    v.distanceNm = d.distanceNm;
    v.aisGapMs = d.aisGapMs;
    model::VoyageLeg leg;
    leg.fromLocode = v.originLocode;
    leg.toLocode = v.destinationLocode;
    leg.departure = v.departure;
    leg.arrival = v.arrival;
    leg.note = QStringLiteral("Detected from AIS port visits");
    v.legs.push_back(leg);
    return v;
}

} // namespace wake::analysis
