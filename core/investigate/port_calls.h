#pragma once

// The port-call ledger: every call of every vessel, from what Wake knows of
// it. A port visit analysis found in AIS is observed; a source's arrival
// and the vessel's next departure make a reported call (a ship leaves where
// it arrived; either end may be unreported); and each port an AIS gap left
// within reach is a possible call, marked so, never counted as a call.

#include "core/model/event.h"
#include "core/model/time_span.h"

#include <QString>

#include <optional>
#include <vector>

namespace wake::reference {
class FlagStates;
}

namespace wake::investigate {

enum class CallBasis
{
    Observed, // a port visit detected in AIS
    Reported, // a source's arrival and departure
    Possible, // within reach during an AIS gap
};
QString toString(CallBasis basis); // "observed", "reported", "possible"

struct PortCall
{
    model::VesselId vesselId = 0;
    QString port;                             // "Puerto Padre", "Tavernier"
    QString locode;                           // UN/LOCODE where known
    QString country;                          // ISO alpha-2 where known
    std::optional<model::TimeSpan> arrival;   // none: not reported
    std::optional<model::TimeSpan> departure; // none: not reported, or still there
    CallBasis basis = CallBasis::Observed;
    model::EventId eventId = 0; // the visit, the arrival, or the gap
    double detourNm = 0;        // a possible call: the extra distance it needed

    // Departure minus arrival, when both are known to the day or better; by
    // whole days (durationIsByDate) when either is known only to the day.
    std::optional<std::int64_t> durationMs() const;
    bool durationIsByDate() const;
    // The call's time for ordering and filtering: arrival, else departure.
    std::int64_t startUtcMs() const;
    std::int64_t endUtcMs() const;
};

// Every call in the events (any vessels, any order), by vessel then time.
std::vector<PortCall> portCalls(const std::vector<model::Event>& events,
                                const reference::FlagStates* flags);

struct CallFilter
{
    QString port;    // a UN/LOCODE, or a name (case-insensitive, as contained)
    QString country; // ISO alpha-2
    std::optional<model::VesselId> vesselId;
    std::optional<std::int64_t> fromUtcMs; // calls that end at or after
    std::optional<std::int64_t> toUtcMs;   // calls that start at or before
    bool withPossible = true;
};
bool passes(const PortCall& call, const CallFilter& filter);

} // namespace wake::investigate
