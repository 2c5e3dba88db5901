#pragma once

// The watch: rules (watch/watch_rules.h) applied to position reports in
// time order, raising each alert once per episode (a ship that enters an
// area is one area_enter, however many reports it sends inside). The live
// watch and the archive feed the same engine the same reports, so they
// raise the same alerts: nothing here reads a clock. Time passes with the
// reports (advanceTo), which is when a silent ship becomes dark.
//
// Episodes: entering (a first report inside counts) and leaving an area;
// staying in one past the rule's minutes (once a visit); a listed or
// not-authorised ship heard (once a presence: a presence ends after 30 min
// of silence); dark (once a silence: its intervals times its reporting
// interval, the class A nominal one for its speed and status or the gap it
// has been keeping, whichever is longer); a CPA alarm (from CPA and TCPA
// within the rule to CPA 20 % beyond it, TCPA past or 20 % beyond: the
// hysteresis keeps one close pass one alarm); distress (once a presence);
// an encounter forming (watch/encounter_watch.h: once a meeting).

#include "core/lists/list_matcher.h"
#include "core/watch/alert.h"
#include "core/watch/cpa.h"
#include "core/watch/encounter_watch.h"
#include "core/watch/position_report.h"
#include "core/watch/watch_rules.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wake::watch {

// What the engine knows of a target now (the live target table).
struct WatchedTarget
{
    std::uint32_t mmsi = 0;
    model::VesselId vesselId = 0;
    QString name;
    std::optional<int> shipType;
    PositionReport last;
    std::int64_t intervalMs = 10'000;
    std::optional<Approach> approach; // to own ship, at its last report
    bool listed = false;
};

class WatchEngine
{
public:
    static constexpr std::int64_t kPresenceGapMs = 30LL * 60 * 1000;
    static constexpr std::int64_t kOwnShipFreshMs = 2LL * 60 * 1000;

    // The matcher must outlive the engine (null: no lists). The places tell
    // an encounter forming at sea from boats lying together at a pier (none:
    // every place counts as at sea).
    WatchEngine(WatchRules rules, const lists::ListMatcher* matcher, MeetingPlaces places = {});

    // Static data known for a vessel, merged over what was known (list
    // matches are made from it).
    void setIdentity(std::uint32_t mmsi, const model::Vessel& vessel);
    // One position report; time passes to it first. Returns the alerts it raises.
    std::vector<Alert> report(const PositionReport& report);
    // Static data heard at a time: an identity_change alert for each rule
    // that watches it when a name, call sign, IMO number or ship type known
    // before is heard different; then merged as setIdentity does.
    std::vector<Alert> identity(std::uint32_t mmsi, std::int64_t timeUtcMs,
                                const model::Vessel& heard);
    // A safety-related broadcast (type 14): a distress device's "SART
    // ACTIVE", "MOB TEST" and so on raise distress (the same episode as its
    // position reports); other texts raise nothing.
    std::vector<Alert> safetyText(std::uint32_t mmsi, std::int64_t timeUtcMs, const QString& text);
    // Time passes to t (no report): the dark alerts due by then.
    std::vector<Alert> advanceTo(std::int64_t timeUtcMs);

    std::int64_t now() const { return m_now; }
    const WatchRules& rules() const { return m_rules; }
    std::optional<std::uint32_t> ownShipMmsi() const { return m_ownMmsi; }
    // The targets within reach of own ship with their approach.
    std::vector<std::pair<std::uint32_t, Approach>> approaches() const;
    const WatchedTarget* target(std::uint32_t mmsi) const;
    std::optional<PositionReport> ownShip() const { return m_own; }

private:
    struct RuleState
    {
        bool inside = false;
        std::int64_t enteredUtcMs = 0;
        bool fired = false; // this episode's alert is out
    };
    struct Target
    {
        WatchedTarget view;
        std::vector<RuleState> rules;  // one per rule
        std::deque<std::int64_t> gaps; // the last few gaps between reports
        std::int64_t presenceStartUtcMs = 0;
        std::vector<lists::ListMatch> matches;
        bool darkDue = false; // a dark alert is waiting for its time
    };

    Alert alertFor(const WatchRule& rule, const Target& t, std::int64_t time) const;
    void evaluate(Target& t, bool newPresence, std::vector<Alert>& out);
    void evaluateCpa(Target& t, std::vector<Alert>& out);
    void ownShipMoved(std::vector<Alert>& out);
    bool withinReach(const PositionReport& target) const;
    void evaluateEncounters(Target& t, std::vector<Alert>& out);
    // On the rule's list (any list when it names none) or among its MMSIs;
    // the entry and the list it matched.
    bool onList(const Target& t, const WatchRule& rule, QString* entry = nullptr,
                QString* listName = nullptr) const;
    bool watchedForDark(const Target& t, const WatchRule& rule) const;
    std::int64_t darkAfterMs(const Target& t, const WatchRule& rule) const;

    WatchRules m_rules;
    const lists::ListMatcher* m_matcher;
    std::optional<std::uint32_t> m_ownMmsi;
    std::optional<PositionReport> m_own;
    std::unordered_map<std::uint32_t, Target> m_targets;
    std::unordered_map<std::uint32_t, model::Vessel> m_identities;
    std::unordered_set<std::uint32_t> m_darkWatched; // targets some dark rule watches
    // Distress devices heard only by their text so far: when, and which
    // modes were announced (active, test).
    struct TextOnly
    {
        std::int64_t lastUtcMs = 0;
        bool active = false;
        bool test = false;
    };
    std::unordered_map<std::uint32_t, TextOnly> m_textOnly;
    EncounterWatch m_encounters;
    // CPA is worked out for targets within reach of own ship (withinReach):
    // at least 2 nm and 30 min, so the target table has it near by.
    double m_cpaReachNm = 2.0;
    double m_cpaReachMinutes = 30.0;
    double m_ownCosLat = 1.0;
    std::int64_t m_now = 0;
};

} // namespace wake::watch
