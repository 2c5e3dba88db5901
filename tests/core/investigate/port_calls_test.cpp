// The port-call ledger on hand-made events with known calls: observed port
// visits, a source's arrivals paired with the next departure, possible calls
// from an AIS gap, and the filters.

#include "core/investigate/port_calls.h"
#include "core/reference/flag_states.h"

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::investigate;

namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kT0 = 1'370'304'000'000; // 2013-06-04T00:00Z

model::Event reported(model::EventId id, model::EventKind kind, std::int64_t day, const char* place)
{
    model::Event e;
    e.id = id;
    e.vesselId = 1;
    e.kind = kind;
    e.time = {kT0 + day * kDay, kT0 + (day + 1) * kDay - 1, model::TimePrecision::Day};
    e.place = QString::fromUtf8(place);
    return e;
}

model::Event visit(model::EventId id, model::VesselId vessel, std::int64_t from, std::int64_t to)
{
    model::Event e;
    e.id = id;
    e.vesselId = vessel;
    e.kind = model::EventKind::PortVisit;
    e.time = {from, to, model::TimePrecision::Minute};
    e.evidence = QStringLiteral(
        R"({"port":{"name":"Cristobal","unlocode":"PACTB","country":"PA"},"durationH":5})");
    return e;
}

} // namespace

TEST(PortCalls, ObservedReportedAndPossibleCallsAsPlanted)
{
    const auto flags = reference::FlagStates::loadBuiltIn().value();
    model::Event gap;
    gap.id = 30;
    gap.vesselId = 2;
    gap.kind = model::EventKind::AisGap;
    gap.time = {kT0 + 10 * kDay, kT0 + 11 * kDay, model::TimePrecision::Minute};
    gap.evidence = QStringLiteral(
        R"({"possibleCalls":[{"name":"Tavernier","unlocode":"USTNE","country":"US","detourNm":28.7}]})");
    const std::vector<model::Event> events{
        reported(5, model::EventKind::Departure, -50, "Vostochny (Vostochnyy), Russia"),
        reported(1, model::EventKind::Arrival, 0, "Havana, Cuba"),
        reported(2, model::EventKind::Departure, 5, "Havana, Cuba"),
        reported(3, model::EventKind::Arrival, 16, "Mariel, Cuba"),
        reported(4, model::EventKind::Arrival, 40, "Havana harbour, Cuba"), // no departure given
        visit(20, 2, kT0 + 2 * kDay, kT0 + 2 * kDay + 5 * kHour),
        gap,
    };
    const auto calls = portCalls(events, &flags);
    ASSERT_EQ(calls.size(), 6u);
    // Vessel 1, in time order.
    EXPECT_EQ(calls[0].port, QStringLiteral("Vostochny (Vostochnyy)"));
    EXPECT_EQ(calls[0].country, QStringLiteral("RU"));
    EXPECT_FALSE(calls[0].arrival);
    EXPECT_EQ(calls[1].port, QStringLiteral("Havana"));
    EXPECT_EQ(calls[1].country, QStringLiteral("CU"));
    ASSERT_TRUE(calls[1].departure);
    EXPECT_EQ(calls[1].departure->startUtcMs, kT0 + 5 * kDay);
    EXPECT_EQ(calls[1].durationMs(), 5 * kDay);
    EXPECT_TRUE(calls[1].durationIsByDate());
    // Mariel's arrival is followed by another arrival: its departure is unknown.
    EXPECT_EQ(calls[2].port, QStringLiteral("Mariel"));
    EXPECT_FALSE(calls[2].departure);
    EXPECT_FALSE(calls[2].durationMs());
    EXPECT_EQ(calls[3].port, QStringLiteral("Havana harbour"));
    // Vessel 2: the visit, observed to the minute, then the gap's possible call.
    EXPECT_EQ(calls[4].basis, CallBasis::Observed);
    EXPECT_EQ(calls[4].locode, QStringLiteral("PACTB"));
    EXPECT_EQ(calls[4].durationMs(), 5 * kHour);
    EXPECT_FALSE(calls[4].durationIsByDate());
    EXPECT_EQ(calls[5].basis, CallBasis::Possible);
    EXPECT_EQ(calls[5].port, QStringLiteral("Tavernier"));
    EXPECT_DOUBLE_EQ(calls[5].detourNm, 28.7);
    EXPECT_FALSE(calls[5].durationMs()); // a possible call has no duration

    auto count = [&](const CallFilter& f) {
        return std::count_if(calls.begin(), calls.end(),
                             [&](const auto& c) { return passes(c, f); });
    };
    CallFilter cuba;
    cuba.country = QStringLiteral("CU");
    EXPECT_EQ(count(cuba), 3);
    CallFilter byLocode;
    byLocode.port = QStringLiteral("pactb");
    EXPECT_EQ(count(byLocode), 1);
    CallFilter byName;
    byName.port = QStringLiteral("havana");
    EXPECT_EQ(count(byName), 2);
    CallFilter noPossible;
    noPossible.withPossible = false;
    EXPECT_EQ(count(noPossible), 5);
    CallFilter window;
    window.fromUtcMs = kT0 + 6 * kDay; // after Havana, before Mariel
    window.toUtcMs = kT0 + 20 * kDay;
    EXPECT_EQ(count(window), 2); // Mariel and the gap's possible call
}
