#include "core/replay/replay_cursor.h"

#include <gtest/gtest.h>

namespace {

using wake::model::EventKind;
using wake::replay::ReplayCursor;
using wake::replay::ReplayEvent;

constexpr std::int64_t kDay = 86'400'000;

ReplayCursor cursor()
{
    ReplayCursor c(0, 10 * kDay);
    c.setEvents({{3, 5 * kDay, EventKind::Arrival},
                 {1, 1 * kDay, EventKind::Departure},
                 {2, 3 * kDay, EventKind::AisOff},
                 {4, 8 * kDay, EventKind::Seizure}});
    return c;
}

std::vector<wake::model::EventId> ids(const std::vector<ReplayEvent>& events)
{
    std::vector<wake::model::EventId> out;
    for (const auto& e : events) {
        out.push_back(e.id);
    }
    return out;
}

TEST(ReplayCursor, CrossesEventsForwardsAndBackwardsInTheOrderCrossed)
{
    ReplayCursor c = cursor();
    EXPECT_EQ(ids(c.advanceTo(4 * kDay)), (std::vector<wake::model::EventId>{1, 2}));
    EXPECT_EQ(ids(c.advanceTo(4 * kDay)), std::vector<wake::model::EventId>{});
    EXPECT_EQ(ids(c.advanceTo(9 * kDay)), (std::vector<wake::model::EventId>{3, 4}));
    EXPECT_EQ(ids(c.advanceTo(2 * kDay)), (std::vector<wake::model::EventId>{4, 3, 2}));
    // Landing exactly on an event crosses it going forwards; leaving it
    // backwards crosses it again.
    EXPECT_EQ(ids(c.advanceTo(3 * kDay)), (std::vector<wake::model::EventId>{2}));
    EXPECT_EQ(ids(c.advanceTo(2 * kDay)), (std::vector<wake::model::EventId>{2}));
}

TEST(ReplayCursor, TimeIsClampedToTheRange)
{
    ReplayCursor c = cursor();
    c.advanceTo(-kDay);
    EXPECT_EQ(c.time(), 0);
    c.advanceTo(20 * kDay);
    EXPECT_EQ(c.time(), 10 * kDay);
    c.setRange(2 * kDay, 6 * kDay);
    EXPECT_EQ(c.time(), 6 * kDay);
}

TEST(ReplayCursor, PlayingStopsAndPausesAtTheSeizure)
{
    ReplayCursor c = cursor();
    c.setRate(kDay / 1000.0); // a day a second
    c.play();
    std::vector<ReplayEvent> seen;
    for (int i = 0; i < 100 && c.isPlaying(); ++i) {
        const auto crossed = c.tick(250);
        seen.insert(seen.end(), crossed.begin(), crossed.end());
    }
    EXPECT_FALSE(c.isPlaying());
    EXPECT_EQ(c.time(), 8 * kDay);
    EXPECT_EQ(ids(seen), (std::vector<wake::model::EventId>{1, 2, 3, 4}));
    // Play again: on to the end, where it stops.
    c.play();
    c.tick(10'000);
    EXPECT_EQ(c.time(), 10 * kDay);
    EXPECT_FALSE(c.isPlaying());
}

TEST(ReplayCursor, PauseKindsCanBeTurnedOff)
{
    ReplayCursor c = cursor();
    c.setPauseKinds({});
    c.setRate(kDay / 1000.0);
    c.play();
    c.tick(9'000);
    EXPECT_EQ(c.time(), 9 * kDay);
    EXPECT_TRUE(c.isPlaying());
}

TEST(ReplayCursor, TicksAddUpExactlyWhateverTheirSize)
{
    ReplayCursor a(0, 100 * kDay), b(0, 100 * kDay);
    a.setRate(333.3);
    b.setRate(333.3);
    a.play();
    b.play();
    for (int i = 0; i < 300; ++i) {
        a.tick(16);
    }
    b.tick(4800);
    EXPECT_NEAR(static_cast<double>(a.time()), static_cast<double>(b.time()), 1.0);
}

TEST(ReplayCursor, LoopsBackToTheStart)
{
    ReplayCursor c(0, kDay);
    c.setLoop(true);
    c.setRate(1000);
    c.play();
    c.tick(kDay);
    EXPECT_EQ(c.time(), 0);
    EXPECT_TRUE(c.isPlaying());
}

TEST(ReplayCursor, StepsBetweenEvents)
{
    ReplayCursor c = cursor();
    EXPECT_EQ(c.stepToNextEvent()->id, 1);
    EXPECT_EQ(c.stepToNextEvent()->id, 2);
    EXPECT_EQ(c.lastEventReached()->id, 2);
    EXPECT_EQ(c.stepToPreviousEvent()->id, 1);
    EXPECT_FALSE(c.stepToPreviousEvent());
    c.advanceTo(10 * kDay);
    EXPECT_FALSE(c.stepToNextEvent());
    EXPECT_EQ(c.stepToPreviousEvent()->id, 4);
}

} // namespace
