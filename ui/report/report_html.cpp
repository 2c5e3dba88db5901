// The report as HTML: one document for the PDF (through QTextDocument, whose
// HTML subset it keeps to) and the self-contained HTML file.

#include "core/export/track_export.h"
#include "core/investigate/profile_text.h"
#include "core/reference/ais_tables.h"
#include "core/reference/flag_states.h"
#include "ui/report/vessel_report.h"

#include <QBuffer>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace wake::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString row(const QString& label, const QString& value, const QString& meta = {})
{
    return QStringLiteral("<tr><td valign='top'><b>%1</b></td><td valign='top'>%2%3</td></tr>")
        .arg(esc(label), esc(value),
             meta.isEmpty() ? QString()
                            : QStringLiteral(" <font color='#666666'>(%1)</font>").arg(esc(meta)));
}

QString sourceRefs(const std::vector<QString>& ids)
{
    QStringList refs;
    for (const QString& id : ids) {
        refs << QStringLiteral("[%1]").arg(id);
    }
    return refs.join(QLatin1Char(' '));
}

QString identityTable(const model::Vessel& v, const reference::FlagStates* flags)
{
    QString html = QStringLiteral("<table cellspacing='2' cellpadding='3'>");
    // A dossier's facts carry their sources; AIS vessels have only what they sent.
    const bool sourced =
        std::any_of(v.facts.begin(), v.facts.end(), [](const model::VesselFact& f) {
            return f.section == QLatin1String("identity") && f.value;
        });
    for (const model::VesselFact& f : v.facts) {
        if (f.section != QLatin1String("identity") || !f.value) {
            continue;
        }
        html += row(f.label, *f.value,
                    QStringLiteral("%1 confidence %2")
                        .arg(model::toString(f.attribution.confidence),
                             sourceRefs(f.attribution.sourceIds)));
    }
    if (sourced) {
        return html + QStringLiteral("</table>");
    }
    auto text = [](const auto& o, auto f) {
        return o ? f(*o) : QStringLiteral("unknown");
    };
    html += row(QStringLiteral("Name"), v.displayName());
    html += row(QStringLiteral("MMSI"),
                text(v.mmsi, [](std::uint32_t m) { return QString::number(m); }));
    html +=
        row(QStringLiteral("IMO"), text(v.imo, [](std::uint32_t m) { return QString::number(m); }));
    html += row(QStringLiteral("Call sign"), text(v.callSign, [](const QString& s) { return s; }));
    html += row(QStringLiteral("Flag"), text(v.flagAlpha2, [&](const QString& s) {
                    const QString name = flags ? flags->countryName(s) : QString();
                    return name.isEmpty() ? s : QStringLiteral("%1 (%2)").arg(name, s);
                }));
    const QString type = reference::vesselTypeText(v.vesselType, v.aisShipType);
    html += row(QStringLiteral("Type"), type.isEmpty() ? QStringLiteral("unknown") : type);
    return html + QStringLiteral(
                      "</table><p><font size='2'>As the vessel's AIS messages gave it.</font></p>");
}

QString eventTime(const model::Event& e)
{
    return model::formatTimeSpan(e.time);
}

QString imageHtml(const QImage& map, ReportImages images)
{
    if (map.isNull()) {
        return QStringLiteral("<p><i>No map: the vessel has no track to draw.</i></p>");
    }
    if (images == ReportImages::Resources) {
        return QStringLiteral("<p><img src='wake-map.png' width='540'></p>");
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    map.save(&buffer, "PNG");
    return QStringLiteral("<p><img style='max-width:100%' src='data:image/png;base64,%1' "
                          "alt='Map of the span'></p>")
        .arg(QString::fromLatin1(png.toBase64()));
}

const char* const kCaveats =
    "AIS is a broadcast each ship makes of itself: it can be switched off, and its identity "
    "and position can be false. Receivers on shore hear ships some 40 nautical miles out and "
    "satellites miss some in busy waters, so a gap in a track is a gap in what was heard, not "
    "proof that a ship hid. An encounter is two tracks close in time and place, not proof of a "
    "transfer; loitering is slow movement at sea, not proof of its purpose. A list match holds "
    "as of the list's date and says nothing of when the ship was added; a match by name is "
    "weaker than one by IMO number. Points marked reconstructed are a plausible sea route "
    "between places a source reported: their route and speed were not reported. Times are "
    "given as precisely as the sources give them: a date alone means the hour is not known.";

} // namespace

QString reportHtml(const ReportData& d, const reference::FlagStates* flags, ReportImages images)
{
    const investigate::VesselProfile& p = d.profile;
    QString html =
        QStringLiteral("<html><head><meta charset='utf-8'><title>%1: vessel report</title>"
                       "<style>body{font-family:'DejaVu Sans',sans-serif;font-size:10pt} "
                       "h1{font-size:18pt} h2{font-size:13pt;margin-top:14pt} "
                       "table.grid td,table.grid th{border:1px solid #bbbbbb;font-size:8pt} "
                       "th{background:#eeeeee;text-align:left}</style></head><body>")
            .arg(esc(p.vessel.displayName()));
    html += QStringLiteral("<h1>%1</h1>").arg(esc(p.vessel.displayName()));
    html += QStringLiteral("<p>Vessel report, %1 to %2. Made by Wake on %3 from %4.</p>")
                .arg(esc(exporting::isoUtc(p.fromUtcMs)), esc(exporting::isoUtc(p.toUtcMs)),
                     esc(d.generatedUtc), esc(d.database));

    html += QStringLiteral("<h2>Sanctions and watch lists</h2>");
    if (p.listMatches.empty()) {
        html += QStringLiteral("<p>On none of the lists loaded (see Data below).</p>");
    } else {
        html += QStringLiteral("<ul>");
        for (const auto& m : p.listMatches) {
            QString text = m.describe();
            text[0] = text[0].toUpper();
            html += QStringLiteral("<li>%1%2</li>")
                        .arg(m.weak() ? QStringLiteral("<b>Possible:</b> ") : QString(), esc(text));
        }
        html += QStringLiteral("</ul>");
    }

    html += QStringLiteral("<h2>Identity</h2>") + identityTable(p.vessel, flags);
    if (!p.vessel.history.empty()) {
        html += QStringLiteral("<p><b>Identity over time</b></p><ul>");
        for (const auto& h : p.vessel.history) {
            html += QStringLiteral("<li>%1: %2 (%3 to %4) %5</li>")
                        .arg(esc(h.field), esc(h.value),
                             h.from ? esc(model::formatTimeSpan(*h.from)) : QStringLiteral("?"),
                             h.to ? esc(model::formatTimeSpan(*h.to)) : QStringLiteral("now"),
                             esc(sourceRefs(h.sourceIds)));
        }
        html += QStringLiteral("</ul>");
    }

    html += QStringLiteral("<h2>Map</h2>") + imageHtml(d.map, images);
    html += QStringLiteral("<p><font size='2'>Drawn by Wake's map renderer: the track of the span, "
                           "the ship where it was at the span's end, its events; reconstructed "
                           "legs are dashed. Map data: Natural Earth, World Port Index, "
                           "UN/LOCODE.</font></p>");

    html += QStringLiteral("<h2>Behaviour</h2><table cellspacing='2' cellpadding='3'>");
    for (const auto& [topic, text] : investigate::profileLines(p)) {
        html += row(topic, text);
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral(
        "<h2>Timeline</h2><table class='grid' cellspacing='0' cellpadding='3' "
        "width='100%'><tr><th width='18%'>Date (as reported)</th><th width='54%'>Event</th>"
        "<th width='10%'>Confidence</th><th width='18%'>Sources</th></tr>");
    for (const model::Event& e : d.events) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(esc(eventTime(e)), esc(e.title),
                         esc(model::toString(e.attribution.confidence)),
                         esc(sourceRefs(e.attribution.sourceIds)));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>Annex: events and their evidence</h2>");
    bool anyDetected = false;
    for (const model::Event& e : d.events) {
        if (e.evidence.isEmpty()) {
            continue;
        }
        anyDetected = true;
        const auto review = d.reviews.find(investigate::eventKey(e));
        const QString state =
            review == d.reviews.end()
                ? QStringLiteral("unreviewed")
                : QStringLiteral("%1 by %2 on %3")
                      .arg(investigate::toString(review->second.state), review->second.author,
                           exporting::isoUtc(review->second.atUtcMs));
        html += QStringLiteral("<p><b>%1, %2</b> (event %3, %4, review: %5)<br>"
                               "<font face='DejaVu Sans Mono' size='2'>%6</font></p>")
                    .arg(esc(model::displayName(e.kind)), esc(eventTime(e)))
                    .arg(e.id)
                    .arg(esc(e.origin), esc(state), esc(e.evidence));
    }
    if (!anyDetected) {
        html += QStringLiteral("<p>No event in the span was found by analysis: every event above "
                               "comes from the sources cited.</p>");
    }
    for (const auto& [id, rules] : d.rules) {
        html += QStringLiteral("<p><b>Rule values %1</b><br><font face='DejaVu Sans Mono' "
                               "size='2'>%2</font></p>")
                    .arg(id)
                    .arg(esc(QString::fromUtf8(
                        QJsonDocument::fromJson(rules.toUtf8()).toJson(QJsonDocument::Compact))));
    }

    html += QStringLiteral("<h2>Case notes</h2>");
    if (d.notes.empty()) {
        html += QStringLiteral("<p>None.</p>");
    } else {
        html += QStringLiteral("<ul>");
        for (const investigate::CaseNote& n : d.notes) {
            html +=
                QStringLiteral("<li>%1%2 <font color='#666666'>(%3, %4%5)</font></li>")
                    .arg(n.bookmark ? QStringLiteral("<b>Bookmark:</b> ") : QString(), esc(n.text),
                         esc(n.author), esc(exporting::isoUtc(n.createdUtcMs)),
                         n.atUtcMs ? QStringLiteral("; about ") + esc(exporting::isoUtc(*n.atUtcMs))
                                   : QString());
        }
        html += QStringLiteral("</ul>");
    }

    html += QStringLiteral("<h2>Sources</h2><ol>");
    for (const model::Source& s : d.sources) {
        html += QStringLiteral("<li>[%1] %2 <a href='%3'>%4</a></li>")
                    .arg(esc(s.id), esc(s.title), esc(s.url), esc(s.url));
    }
    html += QStringLiteral("</ol>");

    html += QStringLiteral("<h2>Data</h2><table class='grid' cellspacing='0' cellpadding='3'>"
                           "<tr><th>What</th><th>From</th><th>SHA-256</th></tr>");
    for (const auto& f : d.data) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td><font face='DejaVu Sans Mono' "
                               "size='1'>%3</font></td></tr>")
                    .arg(esc(f.what), esc(f.origin), esc(f.sha256));
    }
    html += QStringLiteral("</table><p>The database (%1) is not hashed: it changes as data "
                           "arrives.</p>")
                .arg(esc(d.database));

    html += QStringLiteral("<h2>What AIS can and cannot show</h2><p>%1</p></body></html>")
                .arg(esc(QString::fromLatin1(kCaveats)));
    return html;
}

} // namespace wake::ui
