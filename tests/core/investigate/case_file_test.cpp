// The case file in the store (both backends) and as JSON: notes kept once,
// the latest review of an event replacing the earlier, unreviewed removing
// it, and event keys that a new analysis run gives the same event again.

#include "core/investigate/case_file.h"
#include "core/store/database.h"
#include "tests/support/pg_test_server.h"

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::investigate;

namespace {

void keepsTheCase(store::Database& db)
{
    CaseNote note;
    note.vesselId = 7;
    note.eventKey = QStringLiteral("encounter:7:9:28915320");
    note.text = QStringLiteral("Both ships dark before: look at the hour after");
    note.author = QStringLiteral("A");
    note.createdUtcMs = 1'700'000'000'000;
    const auto id = db.addCaseNote(note);
    ASSERT_TRUE(id) << id.error().toString().toStdString();
    EXPECT_EQ(*db.addCaseNote(note), *id); // the same note again is the one kept
    CaseNote mark = note;
    mark.bookmark = true;
    mark.eventKey.clear();
    mark.atUtcMs = 1'690'000'000'000;
    mark.text = QStringLiteral("Turns north");
    ASSERT_TRUE(db.addCaseNote(mark));
    auto notes = db.caseNotes(7);
    ASSERT_TRUE(notes);
    ASSERT_EQ(notes->size(), 2u);
    EXPECT_EQ(notes->at(1).atUtcMs, mark.atUtcMs);
    EXPECT_TRUE(notes->at(1).bookmark);
    EXPECT_TRUE(db.caseNotes(8)->empty());

    EventReview review{note.eventKey, 7, ReviewState::Unsure, QStringLiteral("A"), 1};
    ASSERT_TRUE(db.setEventReview(review));
    review.state = ReviewState::Dismissed;
    review.author = QStringLiteral("B");
    review.atUtcMs = 2;
    ASSERT_TRUE(db.setEventReview(review));
    auto reviews = db.eventReviews();
    ASSERT_TRUE(reviews);
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ(reviews->front().state, ReviewState::Dismissed);
    EXPECT_EQ(reviews->front().author, QStringLiteral("B"));

    // Through JSON and back, the same.
    auto file = caseFileFromJson(toJson({*notes, *reviews}), QStringLiteral("case.json"));
    ASSERT_TRUE(file) << file.error().toString().toStdString();
    ASSERT_EQ(file->notes.size(), 2u);
    EXPECT_EQ(file->notes[0].text, note.text);
    EXPECT_EQ(file->notes[1].atUtcMs, mark.atUtcMs);
    EXPECT_EQ(file->reviews.front().state, ReviewState::Dismissed);

    review.state = ReviewState::Unreviewed;
    ASSERT_TRUE(db.setEventReview(review));
    EXPECT_TRUE(db.eventReviews()->empty());
    ASSERT_TRUE(db.removeCaseNote(*id));
    EXPECT_EQ(db.caseNotes()->size(), 1u);
}

} // namespace

TEST(CaseFile, EventKeysAreTheSameForTheSameEventFoundAgain)
{
    model::Event a;
    a.id = 10;
    a.vesselId = 3;
    a.otherVesselId = 4;
    a.kind = model::EventKind::Encounter;
    a.time.startUtcMs = 1'700'000'012'345;
    model::Event again = a;
    again.id = 99;                   // a new run, a new id
    again.time.startUtcMs += 20'000; // the same minute
    EXPECT_EQ(eventKey(a), eventKey(again));
    model::Event later = a;
    later.time.startUtcMs += 3'600'000;
    EXPECT_NE(eventKey(a), eventKey(later));
    model::Event other = a;
    other.kind = model::EventKind::Loitering;
    EXPECT_NE(eventKey(a), eventKey(other));
}

TEST(CaseFile, ABrokenFileIsRefusedSayingWhy)
{
    EXPECT_FALSE(caseFileFromJson("{", QStringLiteral("x.json")));
    EXPECT_FALSE(caseFileFromJson(R"({"notes":[]})", QStringLiteral("x.json")));
    auto bad = caseFileFromJson(R"({"wakeCase":1,"reviews":[{"eventKey":"k","state":"maybe"}]})",
                                QStringLiteral("x.json"));
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("review 1")));
}

TEST(CaseStore, Sqlite)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db);
    keepsTheCase(*db);
}

TEST(CaseStore, Postgres)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    auto db = store::Database::open(server->target());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    keepsTheCase(*db);
}
