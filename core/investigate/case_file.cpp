#include "core/investigate/case_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wake::investigate {

namespace {

QJsonValue optionalNumber(const std::optional<std::int64_t>& v)
{
    return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue(QJsonValue::Null);
}

std::optional<std::int64_t> numberOf(const QJsonValue& v)
{
    return v.isDouble() ? std::optional(static_cast<std::int64_t>(v.toDouble())) : std::nullopt;
}

} // namespace

QString toString(ReviewState state)
{
    switch (state) {
    case ReviewState::Unreviewed:
        return QStringLiteral("unreviewed");
    case ReviewState::Confirmed:
        return QStringLiteral("confirmed");
    case ReviewState::Dismissed:
        return QStringLiteral("dismissed");
    case ReviewState::Unsure:
        break;
    }
    return QStringLiteral("unsure");
}

std::optional<ReviewState> reviewStateFromString(const QString& text)
{
    for (auto s : {ReviewState::Unreviewed, ReviewState::Confirmed, ReviewState::Dismissed,
                   ReviewState::Unsure}) {
        if (text.compare(toString(s), Qt::CaseInsensitive) == 0) {
            return s;
        }
    }
    return std::nullopt;
}

QString eventKey(const model::Event& e)
{
    const std::int64_t minute =
        e.time.startUtcMs >= 0 ? e.time.startUtcMs / 60'000 : (e.time.startUtcMs - 59'999) / 60'000;
    return QStringLiteral("%1:%2:%3:%4")
        .arg(model::toString(e.kind))
        .arg(e.vesselId.value_or(0))
        .arg(e.otherVesselId.value_or(0))
        .arg(minute);
}

QString defaultAuthor()
{
    for (const char* name : {"WAKE_AUTHOR", "USER", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(name).trimmed();
        if (!v.isEmpty()) {
            return v;
        }
    }
    return QStringLiteral("unknown");
}

QByteArray toJson(const CaseFile& file)
{
    QJsonArray notes;
    for (const CaseNote& n : file.notes) {
        notes.append(QJsonObject{
            {QStringLiteral("bookmark"), n.bookmark},
            {QStringLiteral("vesselId"), optionalNumber(n.vesselId)},
            {QStringLiteral("eventKey"), n.eventKey},
            {QStringLiteral("atUtcMs"), optionalNumber(n.atUtcMs)},
            {QStringLiteral("text"), n.text},
            {QStringLiteral("author"), n.author},
            {QStringLiteral("createdUtcMs"), static_cast<double>(n.createdUtcMs)},
        });
    }
    QJsonArray reviews;
    for (const EventReview& r : file.reviews) {
        reviews.append(QJsonObject{
            {QStringLiteral("eventKey"), r.eventKey},
            {QStringLiteral("vesselId"), optionalNumber(r.vesselId)},
            {QStringLiteral("state"), toString(r.state)},
            {QStringLiteral("author"), r.author},
            {QStringLiteral("atUtcMs"), static_cast<double>(r.atUtcMs)},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("wakeCase"), 1},
                                     {QStringLiteral("notes"), notes},
                                     {QStringLiteral("reviews"), reviews}})
        .toJson(QJsonDocument::Indented);
}

Result<CaseFile> caseFileFromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{
            Error::Code::Format,
            QStringLiteral("JSON error at byte %1: %2").arg(error.offset).arg(error.errorString()),
            origin};
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("wakeCase")).toInt() != 1) {
        return Error{Error::Code::Format,
                     QStringLiteral("not a Wake case file (no \"wakeCase\": 1)"), origin};
    }
    CaseFile file;
    int n = 0;
    for (const QJsonValue& v : root.value(QLatin1String("notes")).toArray()) {
        ++n;
        const QJsonObject o = v.toObject();
        CaseNote note;
        note.bookmark = o.value(QLatin1String("bookmark")).toBool();
        note.vesselId = numberOf(o.value(QLatin1String("vesselId")));
        note.eventKey = o.value(QLatin1String("eventKey")).toString();
        note.atUtcMs = numberOf(o.value(QLatin1String("atUtcMs")));
        note.text = o.value(QLatin1String("text")).toString();
        note.author = o.value(QLatin1String("author")).toString();
        note.createdUtcMs = numberOf(o.value(QLatin1String("createdUtcMs"))).value_or(0);
        if (note.text.isEmpty() && !note.bookmark) {
            return Error{Error::Code::Format, QStringLiteral("note %1 has no text").arg(n), origin};
        }
        file.notes.push_back(std::move(note));
    }
    n = 0;
    for (const QJsonValue& v : root.value(QLatin1String("reviews")).toArray()) {
        ++n;
        const QJsonObject o = v.toObject();
        EventReview r;
        r.eventKey = o.value(QLatin1String("eventKey")).toString();
        r.vesselId = numberOf(o.value(QLatin1String("vesselId")));
        const auto state = reviewStateFromString(o.value(QLatin1String("state")).toString());
        if (r.eventKey.isEmpty() || !state) {
            return Error{Error::Code::Format,
                         QStringLiteral("review %1 has no event key or no known state").arg(n),
                         origin};
        }
        r.state = *state;
        r.author = o.value(QLatin1String("author")).toString();
        r.atUtcMs = numberOf(o.value(QLatin1String("atUtcMs"))).value_or(0);
        file.reviews.push_back(std::move(r));
    }
    return file;
}

} // namespace wake::investigate
