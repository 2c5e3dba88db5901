#include "core/reference/flag_states.h"

#include "core/reference/core_resources.h"
#include "core/util/csv_table.h"

namespace wake::reference {

namespace {

// A country name compared without case, accents, punctuation or articles:
// "St. Kitts & Nevis" and "Saint Kitts and Nevis" are one key.
QString countryKey(const QString& text)
{
    QString folded;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            folded += c.toLower();
        } else if (c == QLatin1Char('&')) {
            folded += QStringLiteral(" and ");
        } else if (c.category() != QChar::Mark_NonSpacing) {
            folded += QLatin1Char(' ');
        }
    }
    QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& w : words) {
        if (w == QLatin1String("st")) {
            w = QStringLiteral("saint");
        }
    }
    words.removeAll(QStringLiteral("the"));
    words.removeAll(QStringLiteral("of"));
    words.sort(); // "Korea, North" is "North Korea"
    return words.join(QLatin1Char(' '));
}

// Names sanctions lists use that the ISO table's English names and aliases
// do not (OFAC, OFSI, OpenSanctions).
const std::pair<const char*, const char*> kExtraCountryNames[] = {
    {"Democratic People's Republic of Korea", "KP"},
    {"DPRK", "KP"},
    {"Republic of Korea", "KR"},
    {"Syria", "SY"},
    {"British Virgin Islands", "VG"},
    {"Laos", "LA"},
    {"Moldova", "MD"},
    {"Bolivia", "BO"},
    {"Vatican", "VA"},
    {"Micronesia", "FM"},
    {"Viet Nam", "VN"},
    {"Cape Verde", "CV"},
    {"Ivory Coast", "CI"},
    {"Burma", "MM"},
    {"Swaziland", "SZ"},
    {"Congo, Democratic Republic of the", "CD"},
    {"United States of America", "US"},
    {"UK", "GB"},
    {"Great Britain", "GB"},
};

} // namespace

Result<FlagStates> FlagStates::loadBuiltIn()
{
    return load(corePath(QStringLiteral("tables/mid_flag_states.csv")),
                corePath(QStringLiteral("tables/iso3166-1.csv")));
}

Result<FlagStates> FlagStates::load(const QString& midCsvPath, const QString& isoCsvPath)
{
    auto iso = readCsvTable(isoCsvPath, {QStringLiteral("alpha2"), QStringLiteral("alpha3"),
                                         QStringLiteral("numeric"), QStringLiteral("name_en"),
                                         QStringLiteral("flag_svg")});
    if (!iso) {
        return iso.error();
    }
    auto mids = readCsvTable(midCsvPath,
                             {QStringLiteral("mid"), QStringLiteral("alpha2"),
                              QStringLiteral("alpha3"), QStringLiteral("itu_name"),
                              QStringLiteral("iso3166_2_subdivision"), QStringLiteral("flag_svg")});
    if (!mids) {
        return mids.error();
    }

    FlagStates table;
    const CsvHeader& ih = iso->header;
    const int iA2 = ih.indexOf(QStringLiteral("alpha2"));
    const int iA3 = ih.indexOf(QStringLiteral("alpha3"));
    const int iNum = ih.indexOf(QStringLiteral("numeric"));
    const int iName = ih.indexOf(QStringLiteral("name_en"));
    const int iSvg = ih.indexOf(QStringLiteral("flag_svg"));
    QHash<QString, model::FlagState> isoStates;
    for (const QStringList& row : iso->rows) {
        model::FlagState s;
        s.alpha2 = iso->value(row, iA2);
        s.alpha3 = iso->value(row, iA3);
        s.name = iso->value(row, iName);
        s.flagSvg = iso->value(row, iSvg);
        table.m_countryNames.insert(s.alpha2, s.name);
        table.m_alpha2ByName.insert(countryKey(s.name), s.alpha2);
        table.m_alpha2ByName.insert(countryKey(s.alpha3), s.alpha2);
        for (const QString& alias :
             iso->value(row, ih.indexOf(QStringLiteral("aliases_en"))).split(QLatin1Char(';'))) {
            if (!alias.trimmed().isEmpty()) {
                table.m_alpha2ByName.insert(countryKey(alias), s.alpha2);
            }
        }
        table.m_alpha2ByNumeric.insert(iso->value(row, iNum), s.alpha2);
        isoStates.insert(s.alpha2, s);
    }
    for (const auto& [name, alpha2] : kExtraCountryNames) {
        table.m_alpha2ByName.insert(countryKey(QString::fromUtf8(name)),
                                    QString::fromLatin1(alpha2));
    }

    const CsvHeader& mh = mids->header;
    const int mMid = mh.indexOf(QStringLiteral("mid"));
    const int mA2 = mh.indexOf(QStringLiteral("alpha2"));
    const int mA3 = mh.indexOf(QStringLiteral("alpha3"));
    const int mItu = mh.indexOf(QStringLiteral("itu_name"));
    const int mSub = mh.indexOf(QStringLiteral("iso3166_2_subdivision"));
    const int mSvg = mh.indexOf(QStringLiteral("flag_svg"));
    int line = 1;
    for (const QStringList& row : mids->rows) {
        ++line;
        bool ok = false;
        const int mid = mids->value(row, mMid).toInt(&ok);
        if (!ok || mid < 200 || mid > 799) {
            return Error{Error::Code::Format,
                         QStringLiteral("MID \"%1\" is not a number from 200 to 799")
                             .arg(mids->value(row, mMid)),
                         QStringLiteral("%1:%2").arg(midCsvPath).arg(line)};
        }
        MidEntry entry{mid, mids->value(row, mA2), mids->value(row, mItu), mids->value(row, mSub)};
        if (!table.m_stateByAlpha2.contains(entry.alpha2)) {
            model::FlagState state = isoStates.value(entry.alpha2);
            if (!state.isValid()) {
                // Not an ISO 3166-1 country (Ascension "AC"): use the ITU name.
                state.alpha2 = entry.alpha2;
                state.alpha3 = mids->value(row, mA3);
                state.name = entry.ituName;
                state.flagSvg = mids->value(row, mSvg);
            }
            table.m_stateByAlpha2.insert(entry.alpha2, static_cast<int>(table.m_states.size()));
            table.m_states.push_back(state);
        }
        table.m_states[table.m_stateByAlpha2.value(entry.alpha2)].mids.push_back(mid);
        table.m_midIndex.insert(mid, static_cast<int>(table.m_mids.size()));
        table.m_mids.push_back(entry);
    }
    return table;
}

std::optional<int> FlagStates::shipStationMid(std::uint32_t mmsi)
{
    // Ship stations: MIDXXXXXX, nine digits, MID 2xx-7xx (ITU-R M.585 Annex 1).
    if (mmsi < 200000000u || mmsi > 799999999u) {
        return std::nullopt;
    }
    return static_cast<int>(mmsi / 1000000u);
}

const model::FlagState* FlagStates::byAlpha2(const QString& alpha2) const
{
    const auto it = m_stateByAlpha2.constFind(alpha2.toUpper());
    return it == m_stateByAlpha2.cend() ? nullptr : &m_states[static_cast<std::size_t>(*it)];
}

const MidEntry* FlagStates::midEntry(int mid) const
{
    const auto it = m_midIndex.constFind(mid);
    return it == m_midIndex.cend() ? nullptr : &m_mids[static_cast<std::size_t>(*it)];
}

const model::FlagState* FlagStates::forMmsi(std::uint32_t mmsi) const
{
    const auto mid = shipStationMid(mmsi);
    if (!mid) {
        return nullptr;
    }
    const MidEntry* entry = midEntry(*mid);
    return entry == nullptr ? nullptr : byAlpha2(entry->alpha2);
}

QString FlagStates::countryName(const QString& alpha2) const
{
    const QString name = m_countryNames.value(alpha2.toUpper());
    if (!name.isEmpty()) {
        return name;
    }
    const model::FlagState* state = byAlpha2(alpha2);
    return state != nullptr ? state->name : QString();
}

QString FlagStates::alpha2ForNumeric(const QString& numeric) const
{
    return m_alpha2ByNumeric.value(numeric);
}

QString FlagStates::alpha2ForCountry(const QString& text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 2 && m_countryNames.contains(trimmed.toUpper())) {
        return trimmed.toUpper();
    }
    return m_alpha2ByName.value(countryKey(trimmed));
}

} // namespace wake::reference
