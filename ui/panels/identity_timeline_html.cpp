#include "ui/panels/identity_timeline_html.h"

#include <QMap>

namespace wake::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString fieldLabel(const QString& field)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("name"), QStringLiteral("Name")},
        {QStringLiteral("callsign"), QStringLiteral("Call sign")},
        {QStringLiteral("call_sign"), QStringLiteral("Call sign")},
        {QStringLiteral("imo"), QStringLiteral("IMO")},
        {QStringLiteral("flag"), QStringLiteral("Flag")},
        {QStringLiteral("ais_ship_type"), QStringLiteral("Ship type")},
        {QStringLiteral("shiptype"), QStringLiteral("Ship type")},
        {QStringLiteral("dimensions"), QStringLiteral("Dimensions")},
        {QStringLiteral("destination"), QStringLiteral("Destination")},
        {QStringLiteral("draught"), QStringLiteral("Draught")},
    };
    return labels.value(field, field);
}

QString sourceText(const model::IdentityRecord& r, const QHash<QString, model::Source>& byId)
{
    if (r.sourceIds.empty()) {
        return QStringLiteral("AIS static data");
    }
    QStringList links;
    for (const QString& id : r.sourceIds) {
        const auto it = byId.find(id);
        links << (it != byId.end() && !it->url.isEmpty()
                      ? QStringLiteral("<a href='%1'>%2</a>").arg(esc(it->url), esc(id))
                      : esc(id));
    }
    return links.join(QStringLiteral(", "));
}

} // namespace

QString identityTimelineHtml(const model::Vessel& v, const QHash<QString, model::Source>& byId,
                             const std::vector<model::Vessel>& sameHull,
                             const std::vector<lists::ListMatch>& listMatches)
{
    // By field, in the order fields are first met, each value with its period.
    QMap<QString, QStringList> byField;
    QStringList order;
    for (const model::IdentityRecord& r : v.history) {
        if (!byField.contains(r.field)) {
            order << r.field;
        }
        const QString period = r.from && r.to
                                   ? model::formatTimeSpan(*r.from) + QStringLiteral(" – ") +
                                         model::formatTimeSpan(*r.to)
                               : r.to   ? QStringLiteral("until ") + model::formatTimeSpan(*r.to)
                               : r.from ? QStringLiteral("since ") + model::formatTimeSpan(*r.from)
                                        : QStringLiteral("when not known");
        byField[r.field] << QStringLiteral("%1 <small>(%2; %3)</small>")
                                .arg(esc(r.value), esc(period), sourceText(r, byId));
    }
    QString html;
    if (!order.isEmpty()) {
        html += QStringLiteral("<h3>Identity over time</h3><table cellspacing='4'>");
        for (const QString& field : order) {
            html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                        .arg(esc(fieldLabel(field)), byField[field].join(QStringLiteral("<br>")));
        }
        html += QStringLiteral("</table>");
    }
    if (!sameHull.empty()) {
        QStringList others;
        for (const model::Vessel& o : sameHull) {
            others << QStringLiteral("#%1 %2 (MMSI %3)")
                          .arg(o.id)
                          .arg(esc(o.displayName()),
                               o.mmsi ? QString::number(*o.mmsi) : QStringLiteral("unknown"));
        }
        html += QStringLiteral("<p><b>The same hull under another MMSI</b> (the same IMO number "
                               "%1): %2</p>")
                    .arg(v.imo ? QString::number(*v.imo) : QString(),
                         others.join(QStringLiteral("; ")));
    }
    QStringList listed;
    for (const lists::ListMatch& m : listMatches) {
        QStringList names = m.entryFormerNames;
        for (const QString& alias : m.entryAliases) {
            names << alias;
        }
        if (!names.isEmpty()) {
            listed << QStringLiteral("%1 entry %2: formerly or also %3")
                          .arg(esc(m.list), esc(m.entryId), esc(names.join(QStringLiteral(", "))));
        }
    }
    if (!listed.isEmpty()) {
        html += QStringLiteral("<p><b>Names the lists give</b><br>%1</p>")
                    .arg(listed.join(QStringLiteral("<br>")));
    }
    return html;
}

} // namespace wake::ui
