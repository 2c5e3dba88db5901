#include "core/lists/list_formats.h"
#include "core/lists/list_text.h"
#include "core/reference/flag_states.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

namespace wake::lists::detail {

namespace {

// OFAC writes an empty value as "-0- ".
QString ofacValue(const QString& field)
{
    const QString v = field.trimmed();
    return v == QLatin1String("-0-") ? QString() : v;
}

// "IRAN] [IRGC" is two programs.
QString ofacPrograms(const QString& field)
{
    QStringList programs;
    for (const QString& p : ofacValue(field).split(QStringLiteral("] ["), Qt::SkipEmptyParts)) {
        programs << p.trimmed();
    }
    return programs.join(QStringLiteral("; "));
}

std::optional<std::uint32_t> imoIn(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("\\bIMO\\s*:?\\s*([0-9]{7})\\b"));
    const auto m = re.match(text);
    return m.hasMatch() ? parseImo(m.captured(1)) : std::nullopt;
}

std::optional<std::uint32_t> mmsiIn(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("\\bMMSI\\s*:?\\s*([0-9]{9})\\b"));
    const auto m = re.match(text);
    return m.hasMatch() ? parseMmsi(m.captured(1)) : std::nullopt;
}

QStringList quotedAfter(const QString& text, const QString& marker)
{
    const QRegularExpression re(QRegularExpression::escape(marker) +
                                QStringLiteral("\\s*'([^']+)'"));
    QStringList names;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        names << it.next().captured(1).trimmed();
    }
    return names;
}

void setFlag(ListEntry& entry, const QString& text, const reference::FlagStates& flags)
{
    // The Treasury writes an unknown flag "None Identified".
    if (text.compare(QLatin1String("None Identified"), Qt::CaseInsensitive) == 0) {
        return;
    }
    entry.flagText = text;
    entry.flagAlpha2 = text.isEmpty() ? QString() : flags.alpha2ForCountry(text);
}

} // namespace

FormatRead readOfacCsv(const QString& text, const reference::FlagStates& flags,
                       ListReadReport& report)
{
    FormatRead out;
    QString error;
    const std::vector<CsvRecord> records = csvRecords(text, &error);
    for (const CsvRecord& r : records) {
        // The published file ends with a lone end-of-file character.
        if (r.fields.size() == 1 && r.fields[0].trimmed().remove(QChar(0x1A)).isEmpty()) {
            continue;
        }
        ++report.records;
        if (r.fields.size() < 12) {
            report.skip(r.line,
                        QStringLiteral("%1 columns where sdn.csv has 12").arg(r.fields.size()));
            continue;
        }
        if (ofacValue(r.fields[2]).compare(QLatin1String("vessel"), Qt::CaseInsensitive) != 0) {
            ++report.notShips;
            continue;
        }
        ListEntry e;
        e.entryId = ofacValue(r.fields[0]);
        e.name = ofacValue(r.fields[1]);
        if (e.entryId.isEmpty() || e.name.isEmpty()) {
            report.skip(r.line, QStringLiteral("no entry number or name"));
            continue;
        }
        e.program = ofacPrograms(r.fields[3]);
        e.callSign = ofacValue(r.fields[5]);
        setFlag(e, ofacValue(r.fields[9]), flags);
        const QString remarks = ofacValue(r.fields[11]);
        e.imo = imoIn(remarks);
        e.mmsi = mmsiIn(remarks);
        e.formerNames = quotedAfter(remarks, QStringLiteral("f.k.a."));
        e.aliases = quotedAfter(remarks, QStringLiteral("a.k.a."));
        e.note = ofacValue(r.fields[6]);
        out.entries.push_back(std::move(e));
    }
    if (!error.isEmpty()) {
        report.skip(records.empty() ? 0 : records.back().line, error);
    }
    return out;
}

FormatRead readOfacXml(const QByteArray& data, const reference::FlagStates& flags,
                       ListReadReport& report)
{
    FormatRead out;
    QXmlStreamReader xml(data);
    ListEntry entry;
    QString sdnType;
    QStringList programs;
    QString idType;
    QString akaType;
    QString akaName;
    auto text = [&] {
        return xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
    };
    while (!xml.atEnd()) {
        xml.readNext();
        const auto name = xml.name();
        if (xml.isStartElement()) {
            if (name == QLatin1String("Publish_Date")) {
                // MM/dd/yyyy, as the Treasury writes it.
                const QDate d = QDate::fromString(text(), QStringLiteral("MM/dd/yyyy"));
                if (d.isValid()) {
                    out.published = d;
                }
            } else if (name == QLatin1String("sdnEntry")) {
                entry = {};
                sdnType.clear();
                programs.clear();
            } else if (name == QLatin1String("uid") && entry.entryId.isEmpty()) {
                entry.entryId = text();
            } else if (name == QLatin1String("lastName") && akaType.isNull()) {
                entry.name = text();
            } else if (name == QLatin1String("lastName")) {
                akaName = text();
            } else if (name == QLatin1String("sdnType")) {
                sdnType = text();
            } else if (name == QLatin1String("program")) {
                programs << text();
            } else if (name == QLatin1String("idType")) {
                idType = text();
            } else if (name == QLatin1String("idNumber")) {
                const QString number = text();
                if (idType.contains(QLatin1String("Vessel Registration"))) {
                    entry.imo = parseImo(number);
                } else if (idType == QLatin1String("MMSI")) {
                    entry.mmsi = parseMmsi(number);
                }
            } else if (name == QLatin1String("aka")) {
                akaType = QStringLiteral("");
                akaName.clear();
            } else if (name == QLatin1String("type") && !akaType.isNull()) {
                akaType = text();
            } else if (name == QLatin1String("callSign")) {
                entry.callSign = text();
            } else if (name == QLatin1String("vesselType")) {
                entry.note = text();
            } else if (name == QLatin1String("vesselFlag")) {
                setFlag(entry, text(), flags);
            }
        } else if (xml.isEndElement()) {
            if (name == QLatin1String("aka")) {
                if (!akaName.isEmpty()) {
                    (akaType == QLatin1String("f.k.a.") ? entry.formerNames : entry.aliases)
                        << akaName;
                }
                akaType = QString();
            } else if (name == QLatin1String("sdnEntry")) {
                ++report.records;
                if (sdnType.compare(QLatin1String("Vessel"), Qt::CaseInsensitive) != 0) {
                    ++report.notShips;
                } else if (entry.entryId.isEmpty() || entry.name.isEmpty()) {
                    report.skip(xml.lineNumber(), QStringLiteral("an entry without uid or name"));
                } else {
                    entry.program = programs.join(QStringLiteral("; "));
                    out.entries.push_back(std::move(entry));
                }
                entry = {};
            }
        }
    }
    if (xml.hasError()) {
        out.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    }
    return out;
}

} // namespace wake::lists::detail
