#include "core/reference/port_index.h"

#include "core/geo/geodesy.h"
#include "core/reference/core_resources.h"
#include "core/util/csv_table.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace wake::reference {

namespace {

model::HarborSize harborSizeFromText(const QString& text)
{
    if (text == QLatin1String("Large")) {
        return model::HarborSize::Large;
    }
    if (text == QLatin1String("Medium")) {
        return model::HarborSize::Medium;
    }
    if (text == QLatin1String("Small")) {
        return model::HarborSize::Small;
    }
    if (text == QLatin1String("Very Small")) {
        return model::HarborSize::VerySmall;
    }
    return model::HarborSize::Unknown;
}

bool parseLatLon(const QString& lat, const QString& lon, model::LatLon& out)
{
    bool okLat = false;
    bool okLon = false;
    out = {lat.toDouble(&okLat), lon.toDouble(&okLon)};
    return okLat && okLon && out.isValid();
}

// A port's name reduced to what tells it apart: no accents, no case, no
// articles or generic words, so "Bahia De Las Minas" (WPI) and "Bahia Las
// Minas" (UN/LOCODE) read the same.
QString nameKey(const QString& name)
{
    static const QSet<QString> kSkipped = {
        QStringLiteral("de"),   QStringLiteral("del"),    QStringLiteral("la"),
        QStringLiteral("las"),  QStringLiteral("los"),    QStringLiteral("el"),
        QStringLiteral("da"),   QStringLiteral("do"),     QStringLiteral("das"),
        QStringLiteral("dos"),  QStringLiteral("of"),     QStringLiteral("the"),
        QStringLiteral("port"), QStringLiteral("puerto"), QStringLiteral("porto")};
    QString plain;
    for (const QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.category() != QChar::Mark_NonSpacing) {
            plain += c.isLetterOrNumber() ? c.toLower() : QChar(u' ');
        }
    }
    QStringList words = plain.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    words.removeIf([](const QString& w) { return kSkipped.contains(w); });
    return words.join(QLatin1Char(' '));
}

// A UN/LOCODE entry that is a WPI port under another code: the same country,
// within kSameNameM and the same name, or within kSamePlaceM whatever its name
// (the two lists' coordinates of one harbour differ by a few hundred metres
// to a few kilometres). Drawn once, it no longer sits beside itself.
constexpr double kSameNameM = 10'000.0;
constexpr double kSamePlaceM = 500.0;

std::optional<std::size_t> wpiTwin(const model::Port& un, const std::vector<model::Port>& ports,
                                   const std::vector<std::size_t>& sameCountry)
{
    const QString key = nameKey(un.name);
    // A degree of latitude is at least 110 km anywhere: most of a country's
    // ports are ruled out by one subtraction before any trigonometry (this
    // runs for every UN/LOCODE row against its country's WPI ports, and
    // measuring each pair made loading the ports take a second).
    constexpr double kMinMetresPerDegLat = 110'000.0;
    for (const std::size_t i : sameCountry) {
        if (std::abs(un.position.latDeg - ports[i].position.latDeg) * kMinMetresPerDegLat >
            kSameNameM) {
            continue;
        }
        const double d = geo::distanceM(un.position, ports[i].position);
        if (d <= kSamePlaceM || (d <= kSameNameM && nameKey(ports[i].name) == key)) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace

Result<PortIndex> PortIndex::loadBuiltIn()
{
    return load(corePath(QStringLiteral("ports/wpi_ports.csv")),
                corePath(QStringLiteral("ports/unlocode_seaports.csv")));
}

Result<PortIndex> PortIndex::load(const QString& wpiCsv, const QString& unlocodeCsv)
{
    auto wpi = readCsvTable(wpiCsv, {QStringLiteral("wpi_number"), QStringLiteral("name"),
                                     QStringLiteral("unlocode"), QStringLiteral("iso2"),
                                     QStringLiteral("lat"), QStringLiteral("lon"),
                                     QStringLiteral("harbor_size")});
    if (!wpi) {
        return wpi.error();
    }
    auto un = readCsvTable(unlocodeCsv,
                           {QStringLiteral("locode"), QStringLiteral("country"),
                            QStringLiteral("name"), QStringLiteral("lat"), QStringLiteral("lon")});
    if (!un) {
        return un.error();
    }

    std::vector<model::Port> ports;
    ports.reserve(wpi->rows.size() + un->rows.size());
    QHash<QString, bool> seenLocodes;
    const CsvHeader& wh = wpi->header;
    const int wNum = wh.indexOf(QStringLiteral("wpi_number"));
    const int wName = wh.indexOf(QStringLiteral("name"));
    const int wLocode = wh.indexOf(QStringLiteral("unlocode"));
    const int wIso = wh.indexOf(QStringLiteral("iso2"));
    const int wLat = wh.indexOf(QStringLiteral("lat"));
    const int wLon = wh.indexOf(QStringLiteral("lon"));
    const int wSize = wh.indexOf(QStringLiteral("harbor_size"));
    for (const QStringList& row : wpi->rows) {
        model::Port p;
        if (!parseLatLon(wpi->value(row, wLat), wpi->value(row, wLon), p.position)) {
            continue; // every WPI row has a position; a broken one is skipped, not guessed
        }
        p.name = wpi->value(row, wName);
        p.locode = wpi->value(row, wLocode).trimmed();
        p.countryAlpha2 = wpi->value(row, wIso);
        p.harborSize = harborSizeFromText(wpi->value(row, wSize));
        p.radiusKm = model::defaultPortRadiusKm(p.harborSize);
        bool ok = false;
        const int number = wpi->value(row, wNum).toInt(&ok);
        if (ok) {
            p.wpiNumber = number;
        }
        p.origin = QStringLiteral("WPI");
        if (!p.locode.isEmpty()) {
            seenLocodes.insert(p.locode, true);
        }
        ports.push_back(std::move(p));
    }
    const CsvHeader& uh = un->header;
    const int uLocode = uh.indexOf(QStringLiteral("locode"));
    const int uCountry = uh.indexOf(QStringLiteral("country"));
    const int uName = uh.indexOf(QStringLiteral("name"));
    const int uLat = uh.indexOf(QStringLiteral("lat"));
    const int uLon = uh.indexOf(QStringLiteral("lon"));
    QHash<QString, std::vector<std::size_t>> wpiByCountry;
    for (std::size_t i = 0; i < ports.size(); ++i) {
        wpiByCountry[ports[i].countryAlpha2].push_back(i);
    }
    QHash<QString, std::size_t> aliases;
    for (const QStringList& row : un->rows) {
        model::Port p;
        p.locode = un->value(row, uLocode);
        if (seenLocodes.contains(p.locode) ||
            !parseLatLon(un->value(row, uLat), un->value(row, uLon), p.position)) {
            continue;
        }
        p.name = un->value(row, uName);
        p.countryAlpha2 = un->value(row, uCountry);
        p.origin = QStringLiteral("UN/LOCODE");
        seenLocodes.insert(p.locode, true);
        if (const auto twin = wpiTwin(p, ports, wpiByCountry.value(p.countryAlpha2))) {
            aliases.insert(p.locode, *twin); // its code still finds the port
            continue;
        }
        ports.push_back(std::move(p));
    }
    PortIndex index;
    index.m_ports = std::move(ports);
    index.build();
    for (auto it = aliases.begin(); it != aliases.end(); ++it) {
        index.m_byLocode.insert(it.key(), it.value());
    }
    return index;
}

PortIndex PortIndex::fromPorts(std::vector<model::Port> ports)
{
    PortIndex index;
    index.m_ports = std::move(ports);
    index.build();
    return index;
}

void PortIndex::build()
{
    std::vector<model::LatLon> positions;
    positions.reserve(m_ports.size());
    for (std::size_t i = 0; i < m_ports.size(); ++i) {
        positions.push_back(m_ports[i].position);
        if (!m_ports[i].locode.isEmpty() && !m_byLocode.contains(m_ports[i].locode)) {
            m_byLocode.insert(m_ports[i].locode, i);
        }
    }
    m_tree = geo::SphereIndex(positions);
    std::vector<model::LatLon> wpi;
    m_wpiPorts.clear();
    for (std::size_t i = 0; i < m_ports.size(); ++i) {
        if (m_ports[i].origin == QLatin1String("WPI")) {
            wpi.push_back(m_ports[i].position);
            m_wpiPorts.push_back(i);
        }
    }
    m_wpiTree = geo::SphereIndex(wpi);
}

std::optional<NearestPort> PortIndex::nearestWpiPort(const model::LatLon& position,
                                                     double maxDistanceM) const
{
    const auto found = m_wpiTree.nearest(position, 1, maxDistanceM);
    if (found.empty()) {
        return std::nullopt;
    }
    return NearestPort{&m_ports[m_wpiPorts[found.front().index]], found.front().distanceM};
}

std::vector<NearestPort> PortIndex::nearest(const model::LatLon& position, std::size_t limit,
                                            double maxDistanceM) const
{
    std::vector<NearestPort> result;
    for (const geo::SphereNeighbour& n : m_tree.nearest(position, limit, maxDistanceM)) {
        result.push_back({&m_ports[n.index], n.distanceM});
    }
    return result;
}

const model::Port* PortIndex::byLocode(const QString& locode) const
{
    QString key = locode;
    key.remove(QLatin1Char(' '));
    const auto it = m_byLocode.constFind(key.toUpper());
    return it == m_byLocode.cend() ? nullptr : &m_ports[*it];
}

} // namespace wake::reference
