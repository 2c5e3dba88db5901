#include "core/analysis/analyzer.h"

#include "core/analysis/event_builder.h"
#include "core/analysis/track_prefetcher.h"
#include "core/geo/geodesy.h"
#include "core/util/number_text.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace wake::analysis {

namespace {

constexpr std::int64_t kAllTime = std::numeric_limits<std::int64_t>::max();

// Only what AIS observed: a scenario's reported places and reconstructed
// routes are not fixes, and a detector must not read them as such.
std::vector<model::TrackPoint> observedOnly(std::vector<model::TrackPoint> track)
{
    std::erase_if(track, [](const model::TrackPoint& p) {
        return p.provenance != model::Provenance::Observed;
    });
    return track;
}

// The identity of an event for comparing two runs: same kind, vessels and
// port, and times that overlap (or touch, for instants).
bool sameEvent(const model::Event& a, const model::Event& b)
{
    return a.kind == b.kind && a.vesselId == b.vesselId && a.otherVesselId == b.otherVesselId &&
           a.portLocode == b.portLocode && a.time.startUtcMs <= b.time.endUtcMs &&
           b.time.startUtcMs <= a.time.endUtcMs;
}

// Events that can match share this key; times decide among them.
QString matchKey(const model::Event& e)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(model::toString(e.kind))
        .arg(e.vesselId.value_or(0))
        .arg(e.otherVesselId.value_or(0))
        .arg(e.portLocode);
}

places::PlaceGeography geographyOf(const ShoreDistance& shore)
{
    places::PlaceGeography g;
    g.shoreKm = [&shore](const model::LatLon& p) {
        return shore.nauticalMiles(p) * geo::kMetresPerNauticalMile / 1000.0;
    };
    g.inland = [&shore](const model::LatLon& p) {
        return !shore.atSea(p);
    };
    return g;
}

} // namespace

std::map<model::EventKind, std::int64_t> AnalysisOutput::countByKind() const
{
    std::map<model::EventKind, std::int64_t> counts;
    for (const model::Event& e : events) {
        ++counts[e.kind];
    }
    return counts;
}

QString describeCounts(const std::map<model::EventKind, std::int64_t>& counts)
{
    QStringList parts;
    for (const auto& [kind, n] : counts) {
        parts << QStringLiteral("%1: %2").arg(model::displayName(kind), util::countText(n));
    }
    return parts.isEmpty() ? QStringLiteral("no events") : parts.join(QStringLiteral(", "));
}

Analyzer::Analyzer(store::Database& db, const reference::PortIndex& ports,
                   std::shared_ptr<const ShoreDistance> shore, AnalysisRules rules)
    : m_db(db), m_ports(ports), m_shore(std::move(shore)), m_rules(std::move(rules))
{}

Status Analyzer::findStopsAndPlaces(const std::vector<model::VesselId>& vessels,
                                    const std::unordered_set<model::VesselId>& analysed,
                                    const KnownStops* known,
                                    const AnalysisProgressCallback& progress,
                                    AnalysisProgress& state, AnalysisOutput& out)
{
    // Where ships stop: harbours, marinas, anchorages and fleeting areas no
    // port list names, which then count as ports for every detector. An
    // import gives the stops of the vessels it saw whole; the others are read.
    std::unordered_set<model::VesselId> seen;
    if (known != nullptr && places::sameCellRules(known->rules, m_rules.places)) {
        seen.insert(known->vessels.begin(), known->vessels.end());
        for (const auto& c : known->cells) {
            if (analysed.contains(c.first)) {
                out.stopCells.push_back(c);
            }
        }
    }
    std::vector<model::VesselId> toRead;
    for (const model::VesselId v : vessels) {
        if (!seen.contains(v)) {
            toRead.push_back(v);
        }
    }
    state.vesselsDone += static_cast<std::int64_t>(vessels.size() - toRead.size());
    TrackPrefetcher stopsRead(m_db, toRead, std::numeric_limits<std::int64_t>::min(), kAllTime);
    for (const model::VesselId vesselId : toRead) {
        auto loaded = stopsRead.next();
        if (!loaded) {
            return loaded.error();
        }
        const auto track = observedOnly(std::move(loaded).value());
        for (const places::StopCell& c : places::stopCells(track, m_rules.places)) {
            out.stopCells.emplace_back(vesselId, c);
        }
        ++state.vesselsDone;
        if (progress && !progress(state)) {
            out.cancelled = true;
            return {};
        }
    }
    auto storedStops = m_db.stopCells();
    if (!storedStops) {
        return storedStops.error();
    }
    std::vector<std::pair<model::VesselId, places::StopCell>> allStops = out.stopCells;
    for (const auto& stop : *storedStops) {
        if (!analysed.contains(stop.first)) {
            allStops.push_back(stop);
        }
    }
    out.places = places::learnPlaces(allStops, m_ports, geographyOf(*m_shore), m_rules.places);
    return {};
}

Result<AnalysisOutput> Analyzer::run(std::vector<model::VesselId> vessels,
                                     const AnalysisProgressCallback& progress,
                                     const KnownStops* known)
{
    AnalysisOutput out;
    out.rules = m_rules;
    if (vessels.empty()) {
        auto all = m_db.vesselsWithTrackIn(std::numeric_limits<std::int64_t>::min(), kAllTime,
                                           std::numeric_limits<std::int64_t>::max());
        if (!all) {
            return all.error();
        }
        vessels = std::move(all).value();
    }
    std::sort(vessels.begin(), vessels.end());
    vessels.erase(std::unique(vessels.begin(), vessels.end()), vessels.end());
    out.vessels = vessels;

    auto listed = m_db.listVessels();
    if (!listed) {
        return listed.error();
    }
    QHash<model::VesselId, QString> names;
    QHash<model::VesselId, const model::Vessel*> byId;
    std::unordered_map<model::VesselId, model::Vessel> identities; // with their AIS history
    for (const model::Vessel& v : *listed) {
        names.insert(v.id, v.displayName());
        byId.insert(v.id, &v);
    }
    auto history = m_db.observedIdentityHistory();
    if (!history) {
        return history.error();
    }
    for (auto& [id, record] : *history) {
        auto it = identities.find(id);
        if (it == identities.end()) {
            const model::Vessel* v = byId.value(id, nullptr);
            if (v == nullptr) {
                continue;
            }
            it = identities.emplace(id, *v).first;
        }
        it->second.history.push_back(std::move(record));
    }
    const VesselNamer namer = [&](model::VesselId id) {
        return names.value(id, QStringLiteral("vessel #%1").arg(id));
    };

    AnalysisProgress state{0, static_cast<std::int64_t>(vessels.size()) * 2, 0,
                           QStringLiteral("stops")};
    const std::unordered_set<model::VesselId> analysed(vessels.begin(), vessels.end());

    // First pass: where each vessel stopped, and the places learned from
    // that and the stops the store keeps of every other vessel.
    if (Status st = findStopsAndPlaces(vessels, analysed, known, progress, state, out); !st) {
        return st.error();
    }
    if (out.cancelled) {
        return out;
    }
    std::vector<model::Port> portsAndPlaces = m_ports.ports();
    for (const places::LearnedPlace& p : out.places) {
        portsAndPlaces.push_back(p.port);
    }
    const reference::PortIndex ports = reference::PortIndex::fromPorts(std::move(portsAndPlaces));

    // Ports matter to a fix within the largest distance any rule asks about.
    const double portInterestKm =
        std::max({m_rules.portVisits.entryDistanceKm, m_rules.portVisits.exitDistanceKm,
                  m_rules.encounters.minPortDistanceKm});
    EncounterFinder encounters(m_rules.encounters, PortProximity(ports, portInterestKm));
    state.phase = QStringLiteral("vessels");
    std::int64_t firstMs = kAllTime;
    std::int64_t lastMs = std::numeric_limits<std::int64_t>::min();
    std::vector<std::pair<model::VesselId, AisGap>> allGaps;
    // IMO numbers more than one vessel transmits: where each was, to compare.
    std::map<std::uint32_t, std::vector<model::VesselId>> byImo;
    for (const model::Vessel& v : *listed) {
        if (v.imo && model::isValidImo(*v.imo)) {
            byImo[*v.imo].push_back(v.id);
        }
    }
    std::erase_if(byImo, [](const auto& group) { return group.second.size() < 2; });
    std::unordered_set<model::VesselId> imoShared;
    for (const auto& [imo, ids] : byImo) {
        imoShared.insert(ids.begin(), ids.end());
    }
    std::map<model::VesselId, HalfHourPositions> imoPositions;

    TrackPrefetcher tracks(m_db, vessels, std::numeric_limits<std::int64_t>::min(), kAllTime);
    for (const model::VesselId vesselId : vessels) {
        auto loaded = tracks.next();
        if (!loaded) {
            return loaded.error();
        }
        const std::vector<model::TrackPoint> track = observedOnly(std::move(loaded).value());
        out.pointsRead += static_cast<std::int64_t>(track.size());
        state.pointsRead = out.pointsRead;

        const auto jumps = findPositionJumps(track, m_rules.jumps);
        const std::size_t listedJumps = std::min(jumps.size(), kMaxListedJumps);
        for (std::size_t k = 0; k < listedJumps; ++k) {
            out.events.push_back(positionJumpEvent(vesselId, track, jumps[k]));
        }
        if (listedJumps < jumps.size()) {
            out.events.push_back(unlistedJumpsEvent(
                vesselId, track, std::span(jumps).subspan(listedJumps), jumps.size()));
        }
        const std::vector<model::TrackPoint> clean = withoutJumps(track, jumps);
        if (!clean.empty()) {
            firstMs = std::min(firstMs, clean.front().timeUtcMs);
            lastMs = std::max(lastMs, clean.back().timeUtcMs);
        }
        PortProximity near(ports, portInterestKm);
        const auto visits = findPortVisits(clean, m_rules.portVisits, near);
        for (const PortVisit& v : visits) {
            out.events.push_back(portVisitEvent(vesselId, v));
        }
        const auto gaps =
            findAisGaps(clean, visits, m_rules, near, *m_shore, 25, geo::SeaRouter::shared().get());
        for (const AisGap& g : gaps) {
            allGaps.emplace_back(vesselId, g); // events once every vessel's gaps are known
        }
        for (const Loitering& l : findLoitering(clean, m_rules, *m_shore)) {
            // Stopped at a port or a learned anchorage is not loitering.
            if (near.at(l.position).km > m_rules.portVisits.exitDistanceKm) {
                out.events.push_back(loiteringEvent(vesselId, l));
            }
        }
        for (const DetectedVoyage& v : voyagesBetweenVisits(clean, visits, gaps)) {
            out.voyages.push_back(detectedVoyage(vesselId, v));
        }
        if (const auto it = identities.find(vesselId); it != identities.end()) {
            for (const IdentityChange& c : findIdentityChanges(it->second)) {
                out.events.push_back(identityChangeEvent(vesselId, c));
            }
            for (const IntegrityFinding& f : invalidImos(it->second)) {
                out.events.push_back(integrityEvent(vesselId, f));
            }
        }
        for (const IntegrityFinding& f : spoofingSigns(clean, *m_shore, m_ports)) {
            out.events.push_back(integrityEvent(vesselId, f));
        }
        if (imoShared.contains(vesselId)) {
            imoPositions.emplace(vesselId, halfHourPositions(clean));
        }
        encounters.addTrack(vesselId, clean);
        ++state.vesselsDone;
        if (progress && !progress(state)) {
            out.cancelled = true;
            return out;
        }
    }

    for (const auto& [vessel, f] : sharedImoConflicts(byImo, imoPositions)) {
        out.events.push_back(integrityEvent(vessel, f));
    }

    // Many ships going quiet or reappearing in one area is the edge of
    // reception, not a decision of each crew.
    {
        std::vector<std::pair<model::VesselId, AisGap*>> refs;
        for (auto& [vessel, gap] : allGaps) {
            refs.emplace_back(vessel, &gap);
        }
        markReceptionEdges(refs);
        for (const auto& [vessel, gap] : allGaps) {
            out.events.push_back(aisGapEvent(vessel, gap));
        }
    }

    // Encounters need the other ships too: when only some vessels are
    // analysed, every other vessel with positions in their time range joins
    // the grid, and only pairs with an analysed vessel are kept.
    state.phase = QStringLiteral("encounters");
    if (firstMs <= lastMs) {
        auto others =
            m_db.vesselsWithTrackIn(firstMs, lastMs, std::numeric_limits<std::int64_t>::max());
        if (!others) {
            return others.error();
        }
        std::erase_if(*others, [&](model::VesselId id) { return analysed.contains(id); });
        state.vesselsTotal += static_cast<std::int64_t>(others->size());
        TrackPrefetcher otherTracks(m_db, *others, firstMs, lastMs);
        for (const model::VesselId other : *others) {
            auto loaded = otherTracks.next();
            if (!loaded) {
                return loaded.error();
            }
            const auto track = observedOnly(std::move(loaded).value());
            encounters.addTrack(other,
                                withoutJumps(track, findPositionJumps(track, m_rules.jumps)));
            ++state.vesselsDone;
            if (progress && !progress(state)) {
                out.cancelled = true;
                return out;
            }
        }
    }
    const auto met = encounters.find([&] { return !progress || progress(state); });
    if (!met) {
        out.cancelled = true;
        return out;
    }
    for (const Encounter& e : *met) {
        // A meeting at sea: open water on the detailed coast, off the shore.
        const bool atSea = m_shore->atSea(e.position) &&
                           m_shore->nauticalMiles(e.position) * geo::kMetresPerNauticalMile >=
                               m_rules.encounters.minShoreKm * 1000.0;
        if (atSea && (analysed.contains(e.vesselId) || analysed.contains(e.otherVesselId))) {
            out.events.push_back(encounterEvent(e, namer));
        }
    }
    std::stable_sort(out.events.begin(), out.events.end(),
                     [](const model::Event& a, const model::Event& b) {
                         return a.time.startUtcMs < b.time.startUtcMs;
                     });
    if (progress) {
        progress(state);
    }
    return out;
}

Result<AnalysisChanges> Analyzer::compare(const AnalysisOutput& output)
{
    AnalysisChanges changes;
    const std::unordered_set<model::VesselId> analysed(output.vessels.begin(),
                                                       output.vessels.end());
    store::EventFilter filter;
    filter.detected = true;
    auto stored = m_db.events(filter);
    if (!stored) {
        return stored.error();
    }
    std::vector<model::Event> before;
    for (model::Event& e : *stored) {
        const bool mine = (e.vesselId && analysed.contains(*e.vesselId)) ||
                          (e.otherVesselId && analysed.contains(*e.otherVesselId));
        if (mine) {
            before.push_back(std::move(e));
        }
    }
    std::vector<bool> matched(before.size(), false);
    QHash<QString, std::vector<std::size_t>> byKey;
    for (std::size_t i = 0; i < before.size(); ++i) {
        byKey[matchKey(before[i])].push_back(i);
    }
    for (const model::Event& e : output.events) {
        bool found = false;
        for (const std::size_t i : byKey.value(matchKey(e))) {
            if (!matched[i] && sameEvent(e, before[i])) {
                matched[i] = true;
                found = true;
                break;
            }
        }
        if (found) {
            ++changes.unchanged;
        } else {
            changes.added.push_back(e);
        }
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!matched[i]) {
            changes.removed.push_back(std::move(before[i]));
        }
    }
    return changes;
}

Status Analyzer::keep(const AnalysisOutput& output)
{
    return keepAnalysisOutput(m_db, output);
}

Status keepAnalysisOutput(store::Database& db, const AnalysisOutput& output)
{
    return db.inTransaction([&]() -> Status {
        auto rulesId = db.storeAnalysisRules(output.rules.preset, output.rules.toCompactJson());
        if (!rulesId) {
            return rulesId.error();
        }
        if (Status s = db.deleteDetectedResults(output.vessels); !s) {
            return s;
        }
        if (Status s = db.replaceStopCells(output.vessels, output.stopCells); !s) {
            return s;
        }
        if (Status s = db.replaceLearnedPlaces(output.places); !s) {
            return s;
        }
        for (model::Event e : output.events) {
            e.rulesId = *rulesId;
            if (auto stored = db.insertEvent(e); !stored) {
                return stored.error();
            }
        }
        for (const model::Voyage& v : output.voyages) {
            if (auto stored = db.upsertVoyage(v); !stored) {
                return stored.error();
            }
        }
        return {};
    });
}

} // namespace wake::analysis
