#include "ui/panels/vessel_details_html.h"

#include "core/ais/ais_texts.h"
#include "core/reference/ais_tables.h"
#include "core/reference/flag_states.h"
#include "core/tracks/mmsi_identity.h"
#include "ui/flag_icons.h"
#include "ui/panels/identity_timeline_html.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

namespace wake::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString confidenceBadge(model::Confidence c)
{
    static const QHash<model::Confidence, QString> colours = {
        {model::Confidence::High, QStringLiteral("#1b7f3b")},
        {model::Confidence::Medium, QStringLiteral("#9a6b00")},
        {model::Confidence::Low, QStringLiteral("#b3261e")},
        {model::Confidence::Unknown, QStringLiteral("#8a8a8a")},
    };
    return QStringLiteral("<span style='color:%1'>%2</span>")
        .arg(colours.value(c), model::toString(c));
}

QString sourceLinks(const std::vector<QString>& ids, const QHash<QString, model::Source>& byId)
{
    QStringList links;
    for (const QString& id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.cend() && !it->url.isEmpty()) {
            links << QStringLiteral("<a href='%1' title='%2'>%3</a>")
                         .arg(it->url.toHtmlEscaped(), it->title.toHtmlEscaped(),
                              id.toHtmlEscaped());
        } else {
            links << id.toHtmlEscaped();
        }
    }
    return links.join(QStringLiteral(", "));
}

QString factRow(const QString& label, const std::optional<QString>& value,
                const model::Attribution* attribution, const QHash<QString, model::Source>& byId)
{
    QString valueHtml = value && !value->isEmpty()
                            ? esc(*value)
                            : QStringLiteral("<i style='color:#8a8a8a'>unknown</i>");
    // The confidence and the sources go under the value, not in a third
    // column: in a narrow dock, or with large fonts, three columns left the
    // value too little room and broke words in the middle.
    if (attribution != nullptr) {
        QString meta = confidenceBadge(attribution->confidence);
        if (!attribution->sourceIds.empty()) {
            meta += QStringLiteral(" · ") + sourceLinks(attribution->sourceIds, byId);
        }
        valueHtml += QStringLiteral("<br><small>%1</small>").arg(meta);
        if (!attribution->note.isEmpty()) {
            valueHtml += QStringLiteral("<br><small style='color:#8a8a8a'>%1</small>")
                             .arg(esc(attribution->note));
        }
    }
    return QStringLiteral("<tr><td valign='top'><b>%1</b></td><td valign='top'>%2</td></tr>")
        .arg(esc(label), valueHtml);
}

} // namespace

QString mmsiIdentityNote(const model::Vessel& vessel, const std::vector<model::Vessel>& sharing)
{
    QStringList parts;
    if (vessel.mmsi) {
        const QString problem = tracks::describe(tracks::mmsiProblem(*vessel.mmsi));
        if (!problem.isEmpty()) {
            parts << QStringLiteral("not a unique identity: %1").arg(problem);
        }
    }
    QStringList others;
    for (const model::Vessel& o : sharing) {
        if (o.id != vessel.id) {
            others << (o.name ? QStringLiteral("#%1 %2").arg(o.id).arg(*o.name)
                              : QStringLiteral("#%1").arg(o.id));
        }
    }
    if (!others.isEmpty()) {
        parts << QStringLiteral("MMSI shared with %1 other transmitter%2: %3")
                     .arg(others.size())
                     .arg(others.size() == 1 ? QString() : QStringLiteral("s"))
                     .arg(others.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

QString vesselDetailsHtml(const model::Vessel& v, const std::vector<model::Source>& sources,
                          const reference::FlagStates* flags,
                          const std::vector<model::Vessel>& sharing,
                          const std::vector<lists::ListMatch>& listMatches,
                          const std::vector<investigate::SameHull>& sameHull)
{
    QHash<QString, model::Source> byId;
    for (const auto& s : sources) {
        byId.insert(s.id, s);
    }
    QString html;
    QString flagName;
    if (v.flagAlpha2 && flags != nullptr) {
        flagName = flags->countryName(*v.flagAlpha2);
    }
    html += QStringLiteral("<h2>");
    if (v.flagAlpha2) {
        html += QStringLiteral("<img src='%1' height='18'> ").arg(flagResourcePath(*v.flagAlpha2));
    }
    html += esc(v.displayName()) + QStringLiteral("</h2>");
    html += listMatchesHtml(listMatches);

    const QStringList sectionOrder = {QStringLiteral("identity"), QStringLiteral("cargo"),
                                      QStringLiteral("legal")};
    const QHash<QString, QString> sectionTitles = {
        {QStringLiteral("identity"), QStringLiteral("Identity")},
        {QStringLiteral("cargo"), QStringLiteral("Cargo")},
        {QStringLiteral("legal"), QStringLiteral("Legal context")},
    };

    if (v.facts.empty()) {
        // Imported vessels: their identity comes from AIS, one source, no dossier.
        html += QStringLiteral("<table cellspacing='4'>");
        html += factRow(QStringLiteral("Name"), v.name, nullptr, byId);
        html += factRow(QStringLiteral("MMSI"),
                        v.mmsi ? std::optional<QString>(QString::number(*v.mmsi))
                               : std::optional<QString>(QStringLiteral("not published")),
                        nullptr, byId);
        if (const QString note = mmsiIdentityNote(v, sharing); !note.isEmpty()) {
            html += factRow(QStringLiteral("MMSI use"), note, nullptr, byId);
        }
        html += factRow(QStringLiteral("IMO"),
                        v.imo ? std::optional<QString>(QString::number(*v.imo)) : std::nullopt,
                        nullptr, byId);
        html += factRow(QStringLiteral("Call sign"), v.callSign, nullptr, byId);
        html += factRow(QStringLiteral("Flag"),
                        v.flagAlpha2
                            ? std::optional<QString>(flagName.isEmpty() ? *v.flagAlpha2 : flagName)
                            : std::nullopt,
                        nullptr, byId);
        const QString type = reference::vesselTypeText(v.vesselType, v.aisShipType);
        html +=
            factRow(QStringLiteral("Type"),
                    type.isEmpty() ? std::nullopt : std::optional<QString>(type), nullptr, byId);
        if (v.lengthM || v.beamM) {
            auto metres = [](const std::optional<double>& m) {
                return m ? QString::number(*m, 'f', 0) : QStringLiteral("?");
            };
            html += factRow(QStringLiteral("Size"),
                            QStringLiteral("%1 × %2 m").arg(metres(v.lengthM), metres(v.beamM)),
                            nullptr, byId);
        }
        if (v.draughtM) {
            html += factRow(QStringLiteral("Draught"),
                            QStringLiteral("%1 m").arg(*v.draughtM, 0, 'f', 1), nullptr, byId);
        }
        html += QStringLiteral("</table>");
    }
    for (const QString& section : sectionOrder) {
        QString rows;
        for (const auto& f : v.facts) {
            if (f.section != section) {
                continue;
            }
            std::optional<QString> value = f.value;
            if (f.key == QLatin1String("mmsi") && !value) {
                value = QStringLiteral("not published (no source gives one)");
            }
            if (f.key == QLatin1String("flag") && !flagName.isEmpty() && value &&
                !value->contains(flagName, Qt::CaseInsensitive)) {
                value = *value + QStringLiteral(" — ") + flagName;
            }
            rows += factRow(f.label, value, &f.attribution, byId);
        }
        if (!rows.isEmpty()) {
            html += QStringLiteral("<h3>%1</h3><table cellspacing='4'>%2</table>")
                        .arg(sectionTitles.value(section), rows);
        }
    }
    html += identityTimelineHtml(v, byId, sameHull, listMatches);
    if (!sources.empty()) {
        html += QStringLiteral("<h3>Sources</h3><ol style='font-size:small'>");
        for (const auto& s : sources) {
            html += QStringLiteral("<li value='%1'>[%2] <a href='%3'>%4</a></li>")
                        .arg(s.id.mid(1).toInt())
                        .arg(s.id.toHtmlEscaped(), s.url.toHtmlEscaped(), s.title.toHtmlEscaped());
        }
        html += QStringLiteral("</ol>");
    }
    return html;
}

QString listMatchesHtml(const std::vector<lists::ListMatch>& matches)
{
    if (matches.empty()) {
        return {};
    }
    QString html =
        QStringLiteral("<h3 style='color:#d55e00'>On a sanctions or watch list</h3><ul>");
    for (const lists::ListMatch& m : matches) {
        QString text = m.describe();
        text[0] = text[0].toUpper();
        html += QStringLiteral("<li>%1%2</li>")
                    .arg(m.weak() ? QStringLiteral("<b>Possible:</b> ") : QString(), esc(text));
    }
    return html + QStringLiteral("</ul><p><small>A list's date is the day its copy was taken: the "
                                 "ship was on it then, which says nothing of when it was "
                                 "added.</small></p>");
}

QString caseNotesHtml(const std::vector<investigate::CaseNote>& notes)
{
    if (notes.empty()) {
        return {};
    }
    QString html = QStringLiteral("<h3>Case notes</h3><ul>");
    for (const investigate::CaseNote& n : notes) {
        html += QStringLiteral("<li>%1%2 <small style='color:#8a8a8a'>%3, %4</small></li>")
                    .arg(n.bookmark ? QStringLiteral("<b>Bookmark:</b> ") : QString(), esc(n.text),
                         esc(n.author),
                         QDateTime::fromMSecsSinceEpoch(n.createdUtcMs, Qt::UTC)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    }
    return html + QStringLiteral("</ul>");
}

QString behaviourHtml(const std::vector<std::pair<QString, QString>>& lines)
{
    if (lines.empty()) {
        return {};
    }
    QString html = QStringLiteral("<h3>Behaviour</h3><table cellspacing='4'>");
    for (const auto& [topic, text] : lines) {
        html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                    .arg(esc(topic), esc(text));
    }
    return html + QStringLiteral("</table>");
}

QString voyagesTableHtml(const std::vector<model::Voyage>& voyages)
{
    if (voyages.empty()) {
        return {};
    }
    // One paragraph a voyage, not a table: in a narrow dock a table's five
    // columns broke "Departure" and the dates in the middle. A date keeps
    // its parts together (non-breaking spaces); lines break between dates.
    auto unbroken = [](const QString& text) {
        return esc(text).replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    };
    auto when = [&](const std::optional<model::TimeSpan>& s) {
        return s ? unbroken(model::formatTimeSpan(*s)) : QStringLiteral("?");
    };
    const QLocale locale;
    QString html = QStringLiteral("<h3>Voyages</h3>");
    for (std::size_t i = 0; i < voyages.size(); ++i) {
        const model::Voyage& v = voyages[i];
        QString line = when(v.departure) + QStringLiteral(" → ") + when(v.arrival);
        if (v.distanceNm) {
            line += QStringLiteral(" · ") +
                    unbroken(locale.toString(*v.distanceNm, 'f', 0) + QStringLiteral(" nm"));
        }
        html += QStringLiteral("<p><a href='voyage:%1'>%2</a> <small style='color:#8a8a8a'>%3"
                               "</small><br><small>%4</small></p>")
                    .arg(i)
                    .arg(esc(v.name),
                         v.origin == QLatin1String("analysis") ? QStringLiteral("detected")
                                                               : QStringLiteral("reported"),
                         line);
    }
    return html + QStringLiteral("<p><small>Click a voyage to replay it.</small></p>");
}

} // namespace wake::ui
