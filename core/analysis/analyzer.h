#pragma once

// Runs every detector over the store: one vessel at a time (its observed
// positions only: reported and reconstructed points are not AIS), then the
// encounters over all vessels. A run computes and returns its events and
// voyages without writing; compare() says what would change against what
// the store holds, and keep() replaces the analysis results of the vessels
// analysed in one transaction. Scenario events and voyages are never touched.

#include "core/analysis/rules.h"
#include "core/analysis/shore_distance.h"
#include "core/model/event.h"
#include "core/model/voyage.h"
#include "core/places/learned_places.h"
#include "core/reference/port_index.h"
#include "core/store/database.h"
#include "core/util/result.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

namespace wake::analysis {

struct AnalysisProgress
{
    std::int64_t vesselsDone = 0;
    std::int64_t vesselsTotal = 0;
    std::int64_t pointsRead = 0;
    QString phase; // "vessels", "encounters"
};

// Returning false stops the run; what it found so far is not kept.
using AnalysisProgressCallback = std::function<bool(const AnalysisProgress&)>;

struct AnalysisOutput
{
    AnalysisRules rules;
    std::vector<model::VesselId> vessels; // analysed (their old results are replaced)
    std::vector<model::Event> events;     // in time order, rulesId not yet set
    std::vector<model::Voyage> voyages;
    std::int64_t pointsRead = 0;
    // Where the analysed vessels stopped, and the places learned from them
    // and the stored stops of every other vessel (both kept with the results).
    std::vector<std::pair<model::VesselId, places::StopCell>> stopCells;
    std::vector<places::LearnedPlace> places;
    bool cancelled = false;
    std::map<model::EventKind, std::int64_t> countByKind() const;
};

struct AnalysisChanges
{
    std::vector<model::Event> added;   // in the new run, not in the store
    std::vector<model::Event> removed; // in the store, not in the new run
    std::int64_t unchanged = 0;        // the same kind, vessels, port and overlapping times
};

// Where vessels stopped, already known (an import that saw their whole
// tracks): the first pass of a run does not read them again.
struct KnownStops
{
    places::PlaceRules rules; // the rules they were found with
    std::vector<model::VesselId> vessels;
    std::vector<std::pair<model::VesselId, places::StopCell>> cells;
};

class Analyzer
{
public:
    Analyzer(store::Database& db, const reference::PortIndex& ports,
             std::shared_ptr<const ShoreDistance> shore, AnalysisRules rules);

    // vessels empty: every vessel with observed positions.
    Result<AnalysisOutput> run(std::vector<model::VesselId> vessels,
                               const AnalysisProgressCallback& progress = {},
                               const KnownStops* known = nullptr);
    Result<AnalysisChanges> compare(const AnalysisOutput& output);
    // Replaces the stored analysis results of output.vessels with output's.
    Status keep(const AnalysisOutput& output);

private:
    // The first pass: out.stopCells of the analysed vessels (read, or known)
    // and out.places; out.cancelled when progress asked to stop.
    Status findStopsAndPlaces(const std::vector<model::VesselId>& vessels,
                              const std::unordered_set<model::VesselId>& analysed,
                              const KnownStops* known, const AnalysisProgressCallback& progress,
                              AnalysisProgress& state, AnalysisOutput& out);

    store::Database& m_db;
    const reference::PortIndex& m_ports;
    std::shared_ptr<const ShoreDistance> m_shore;
    AnalysisRules m_rules;
};

// Replaces the stored analysis results of output.vessels with output's, in
// one transaction (what Analyzer::keep does, for a caller with its own connection).
Status keepAnalysisOutput(store::Database& db, const AnalysisOutput& output);

// Short text for a summary: "12 port visits, 3 AIS gaps, ...".
QString describeCounts(const std::map<model::EventKind, std::int64_t>& counts);

} // namespace wake::analysis
