#pragma once

// The case file: notes on vessels, events and moments, bookmarks, and a
// review state on detected events (unreviewed, confirmed, dismissed,
// unsure) with who and when. Kept in the store on both backends. Analysis
// replaces its events with new ids on every run, so notes and reviews hold
// an event by a key that a new run gives the same event again (its kind,
// vessels and start minute): a dismissed event found again stays dismissed.

#include "core/model/event.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::investigate {

enum class ReviewState
{
    Unreviewed,
    Confirmed,
    Dismissed,
    Unsure,
};
QString toString(ReviewState state); // "confirmed"
std::optional<ReviewState> reviewStateFromString(const QString& text);

// "encounter:12:40:28915320": kind, vessel, other vessel (0 for none) and the
// start in whole minutes since 1970.
QString eventKey(const model::Event& event);

struct CaseNote
{
    std::int64_t id = 0;
    bool bookmark = false;                   // a moment or event marked, its text a label
    std::optional<model::VesselId> vesselId; // the vessel it is about
    QString eventKey;                        // the event, when it is about one
    std::optional<std::int64_t> atUtcMs;     // the moment, when it is about one
    QString text;
    QString author;
    std::int64_t createdUtcMs = 0;
};

struct EventReview
{
    QString eventKey;
    std::optional<model::VesselId> vesselId;
    ReviewState state = ReviewState::Unreviewed;
    QString author;
    std::int64_t atUtcMs = 0;
};

// Who is writing: $WAKE_AUTHOR, else the login name.
QString defaultAuthor();

struct CaseFile
{
    std::vector<CaseNote> notes;
    std::vector<EventReview> reviews;
};
// One JSON file: {"wakeCase": 1, "notes": [...], "reviews": [...]}.
QByteArray toJson(const CaseFile& file);
Result<CaseFile> caseFileFromJson(const QByteArray& json, const QString& origin);

} // namespace wake::investigate
