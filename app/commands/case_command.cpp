// wake case: notes, bookmarks and review states of events, and the case
// file that carries them to another desk (investigate/case_file.h).

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/export/track_export.h"
#include "core/investigate/case_file.h"
#include "core/util/number_text.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <map>

namespace wake::app {

namespace {

// The event with this id, to hold it by its key.
std::optional<model::Event> findEvent(store::Database& db, model::EventId id)
{
    auto events = db.events({});
    if (!events) {
        printError(events.error().toString());
        return std::nullopt;
    }
    for (model::Event& e : *events) {
        if (e.id == id) {
            return std::move(e);
        }
    }
    printError(QStringLiteral("no event with id %1 (see 'wake events')").arg(id));
    return std::nullopt;
}

int listCase(store::Database& db, const QCommandLineParser& parser,
             std::optional<model::VesselId> vessel)
{
    auto notes = db.caseNotes(vessel);
    auto reviews = db.eventReviews();
    if (reportedFailure(notes) || reportedFailure(reviews)) {
        return kExitFailure;
    }
    if (vessel) {
        std::erase_if(*reviews, [&](const auto& r) { return r.vesselId != vessel; });
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument::fromJson(investigate::toJson({*notes, *reviews})).object());
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const auto& n : *notes) {
        rows.push_back(
            {n.bookmark ? QStringLiteral("bookmark") : QStringLiteral("note"),
             QString::number(n.id), n.vesselId ? QString::number(*n.vesselId) : QStringLiteral("-"),
             orDash(n.eventKey), n.atUtcMs ? exporting::isoUtc(*n.atUtcMs) : QStringLiteral("-"),
             n.text, QStringLiteral("%1, %2").arg(n.author, exporting::isoUtc(n.createdUtcMs))});
    }
    for (const auto& r : *reviews) {
        rows.push_back({QStringLiteral("review"), QStringLiteral("-"),
                        r.vesselId ? QString::number(*r.vesselId) : QStringLiteral("-"), r.eventKey,
                        QStringLiteral("-"), investigate::toString(r.state),
                        QStringLiteral("%1, %2").arg(r.author, exporting::isoUtc(r.atUtcMs))});
    }
    if (rows.empty()) {
        printErr(QStringLiteral("The case file is empty: wake case note, wake case review.\n"));
        return kExitOk;
    }
    printTable({QStringLiteral("WHAT"), QStringLiteral("ID"), QStringLiteral("VESSEL"),
                QStringLiteral("EVENT"), QStringLiteral("MOMENT"), QStringLiteral("TEXT / STATE"),
                QStringLiteral("BY, WHEN")},
               rows);
    return kExitOk;
}

} // namespace

int runCaseCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The case file: notes and bookmarks on vessels, events and moments, and the review "
        "state of events (unreviewed, confirmed, dismissed, unsure) with who and when. Kept in "
        "the database; a review holds its event across re-analysis.\n"
        "  wake case [--vessel ID]                          what the case holds\n"
        "  wake case note --vessel ID [--event ID] [--time T] [--bookmark] TEXT\n"
        "  wake case review --event ID confirmed|dismissed|unsure|unreviewed [--by NAME]\n"
        "  wake case export FILE.json | wake case import FILE.json"));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("vessel"), QStringLiteral("The vessel (wake vessels)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("event"), QStringLiteral("The event (wake events)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("time"), QStringLiteral("The moment a note is about (UTC)."),
                      QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("bookmark"), QStringLiteral("A bookmark: the text is its label.")});
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Who writes (default: $WAKE_AUTHOR, else the login name)."),
                      QStringLiteral("NAME")});
    const QString usage = QStringLiteral(
        "wake case [--vessel ID] | note --vessel ID [--event ID] [--time T] [--bookmark] TEXT | "
        "review --event ID STATE [--by NAME] | export FILE | import FILE");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    std::optional<model::VesselId> vessel;
    if (!parseVesselOption(parser, vessel)) {
        return kExitUsage;
    }
    std::optional<std::int64_t> time;
    if (!parseTimeOption(parser, QStringLiteral("time"), time)) {
        return kExitUsage;
    }
    std::optional<model::EventId> eventId;
    if (parser.isSet(QStringLiteral("event"))) {
        bool ok = false;
        eventId = parser.value(QStringLiteral("event")).toLongLong(&ok);
        if (!ok) {
            printError(QStringLiteral("--event wants an event id, not \"%1\"")
                           .arg(parser.value(QStringLiteral("event"))));
            return kExitUsage;
        }
    }
    const QString author = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by"))
                                                              : investigate::defaultAuthor();
    const QStringList words = parser.positionalArguments();
    const QString verb = words.value(0);
    auto usageError = [&](const QString& why) {
        printError(why);
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    };
    if (!verb.isEmpty() && verb != QLatin1String("note") && verb != QLatin1String("review") &&
        verb != QLatin1String("export") && verb != QLatin1String("import")) {
        return usageError(QStringLiteral("unknown case command \"%1\"").arg(verb));
    }
    if ((verb == QLatin1String("export") || verb == QLatin1String("import")) && words.size() != 2) {
        return usageError(QStringLiteral("%1 takes one file").arg(verb));
    }
    if (verb == QLatin1String("review") &&
        (words.size() != 2 || !eventId || !investigate::reviewStateFromString(words[1]))) {
        return usageError(QStringLiteral("review takes --event ID and one of confirmed, dismissed, "
                                         "unsure, unreviewed"));
    }
    if (verb == QLatin1String("note") && (words.size() < 2 || (!vessel && !eventId))) {
        return usageError(QStringLiteral("a note needs its text and --vessel ID or --event ID"));
    }
    const bool writes = verb == QLatin1String("note") || verb == QLatin1String("review") ||
                        verb == QLatin1String("import");
    auto db = writes ? openDatabase(parser) : openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    if (verb.isEmpty()) {
        return listCase(*db, parser, vessel);
    }
    if (verb == QLatin1String("note")) {
        investigate::CaseNote note;
        note.bookmark = parser.isSet(QStringLiteral("bookmark"));
        note.vesselId = vessel;
        note.atUtcMs = time;
        note.text = words.mid(1).join(QLatin1Char(' '));
        note.author = author;
        note.createdUtcMs = now;
        if (eventId) {
            const auto e = findEvent(*db, *eventId);
            if (!e) {
                return kExitFailure;
            }
            note.eventKey = investigate::eventKey(*e);
            note.vesselId = note.vesselId ? note.vesselId : e->vesselId;
        }
        auto id = db->addCaseNote(note);
        if (reportedFailure(id)) {
            return kExitFailure;
        }
        printErr(QStringLiteral("%1 %2 kept\n")
                     .arg(note.bookmark ? QStringLiteral("bookmark") : QStringLiteral("note"))
                     .arg(*id));
        return kExitOk;
    }
    if (verb == QLatin1String("review")) {
        const auto e = findEvent(*db, *eventId);
        if (!e) {
            return kExitFailure;
        }
        investigate::EventReview review{investigate::eventKey(*e), e->vesselId,
                                        *investigate::reviewStateFromString(words[1]), author, now};
        if (Status s = db->setEventReview(review); !s) {
            printError(s.error().toString());
            return kExitFailure;
        }
        printErr(QStringLiteral("event %1 is %2 (by %3)\n")
                     .arg(*eventId)
                     .arg(investigate::toString(review.state), author));
        return kExitOk;
    }
    if (verb == QLatin1String("export")) {
        auto notes = db->caseNotes();
        auto reviews = db->eventReviews();
        if (reportedFailure(notes) || reportedFailure(reviews)) {
            return kExitFailure;
        }
        QSaveFile out(words[1]);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(investigate::toJson({*notes, *reviews})) < 0 || !out.commit()) {
            printError(QStringLiteral("%1: %2").arg(words[1], out.errorString()));
            return kExitFailure;
        }
        printErr(QStringLiteral("%1: %2 notes and %3 reviews\n")
                     .arg(words[1], util::countText(static_cast<std::int64_t>(notes->size())),
                          util::countText(static_cast<std::int64_t>(reviews->size()))));
        return kExitOk;
    }
    // import
    QFile in(words[1]);
    if (!in.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("%1: %2").arg(words[1], in.errorString()));
        return kExitFailure;
    }
    auto file = investigate::caseFileFromJson(in.read(64LL * 1024 * 1024), words[1]);
    if (reportedFailure(file)) {
        return kExitFailure;
    }
    const Status imported = db->inTransaction([&]() -> Status {
        for (const auto& n : file->notes) {
            if (auto id = db->addCaseNote(n); !id) {
                return id.error();
            }
        }
        // A review already newer here stays.
        auto existing = db->eventReviews();
        if (!existing) {
            return existing.error();
        }
        std::map<QString, std::int64_t> latest;
        for (const auto& r : *existing) {
            latest[r.eventKey] = r.atUtcMs;
        }
        for (const auto& r : file->reviews) {
            if (const auto it = latest.find(r.eventKey);
                it != latest.end() && it->second > r.atUtcMs) {
                continue;
            }
            if (Status s = db->setEventReview(r); !s) {
                return s;
            }
        }
        return {};
    });
    if (!imported) {
        printError(imported.error().toString());
        return kExitFailure;
    }
    printErr(
        QStringLiteral("%1: %2 notes and %3 reviews (a note already kept is not added again)\n")
            .arg(words[1], util::countText(static_cast<std::int64_t>(file->notes.size())),
                 util::countText(static_cast<std::int64_t>(file->reviews.size()))));
    return kExitOk;
}

} // namespace wake::app
