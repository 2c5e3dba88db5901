#include "reference/port_index.h"

#include "geo/geodesy.h"
#include "reference/core_resources.h"
#include "util/csv_table.h"

#include <algorithm>
#include <numeric>

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
        ports.push_back(std::move(p));
    }
    return fromPorts(std::move(ports));
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
    const std::size_t n = m_ports.size();
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    m_xyz.resize(n);
    m_axis.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_xyz[i] = geo::toUnitVector(m_ports[i].position);
        if (!m_ports[i].locode.isEmpty() && !m_byLocode.contains(m_ports[i].locode)) {
            m_byLocode.insert(m_ports[i].locode, i);
        }
    }
    buildNode(0, n);
}

void PortIndex::buildNode(std::size_t begin, std::size_t end)
{
    if (end - begin <= 1) {
        return;
    }
    // Split on the axis with the widest spread: ports cluster on coasts, so a
    // fixed x/y/z cycle would make poor cuts.
    std::array<double, 3> lo{2, 2, 2};
    std::array<double, 3> hi{-2, -2, -2};
    for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], m_xyz[i][a]);
            hi[a] = std::max(hi[a], m_xyz[i][a]);
        }
    }
    std::size_t axis = 0;
    for (std::size_t a = 1; a < 3; ++a) {
        if (hi[a] - lo[a] > hi[axis] - lo[axis]) {
            axis = a;
        }
    }
    const std::size_t mid = begin + (end - begin) / 2;
    // Sort node payloads together through an index permutation.
    std::vector<std::size_t> perm(end - begin);
    std::iota(perm.begin(), perm.end(), begin);
    std::nth_element(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(mid - begin),
                     perm.end(),
                     [&](std::size_t a, std::size_t b) { return m_xyz[a][axis] < m_xyz[b][axis]; });
    std::vector<std::size_t> order(perm.size());
    std::vector<std::array<double, 3>> xyz(perm.size());
    for (std::size_t i = 0; i < perm.size(); ++i) {
        order[i] = m_order[perm[i]];
        xyz[i] = m_xyz[perm[i]];
    }
    std::copy(order.begin(), order.end(), m_order.begin() + static_cast<std::ptrdiff_t>(begin));
    std::copy(xyz.begin(), xyz.end(), m_xyz.begin() + static_cast<std::ptrdiff_t>(begin));
    m_axis[mid] = static_cast<std::uint8_t>(axis);
    buildNode(begin, mid);
    buildNode(mid + 1, end);
}

void PortIndex::search(std::size_t begin, std::size_t end, const std::array<double, 3>& q,
                       std::size_t limit, std::vector<std::pair<double, std::size_t>>& heap) const
{
    if (begin >= end) {
        return;
    }
    const std::size_t mid = begin + (end - begin) / 2;
    const double d2 = geo::chord2(q, m_xyz[mid]);
    if (heap.size() < limit || d2 < heap.front().first) {
        if (heap.size() == limit) {
            std::pop_heap(heap.begin(), heap.end());
            heap.pop_back();
        }
        heap.emplace_back(d2, m_order[mid]);
        std::push_heap(heap.begin(), heap.end());
    }
    if (end - begin == 1) {
        return;
    }
    const std::size_t axis = m_axis[mid];
    const double diff = q[axis] - m_xyz[mid][axis];
    const bool leftFirst = diff < 0;
    if (leftFirst) {
        search(begin, mid, q, limit, heap);
    } else {
        search(mid + 1, end, q, limit, heap);
    }
    if (heap.size() < limit || diff * diff < heap.front().first) {
        if (leftFirst) {
            search(mid + 1, end, q, limit, heap);
        } else {
            search(begin, mid, q, limit, heap);
        }
    }
}

std::vector<NearestPort> PortIndex::nearest(const model::LatLon& position, std::size_t limit,
                                            double maxDistanceM) const
{
    std::vector<NearestPort> result;
    if (limit == 0 || m_ports.empty() || !position.isValid()) {
        return result;
    }
    std::vector<std::pair<double, std::size_t>> heap;
    heap.reserve(limit + 1);
    search(0, m_ports.size(), geo::toUnitVector(position), limit, heap);
    std::sort_heap(heap.begin(), heap.end());
    for (const auto& [d2, portIndex] : heap) {
        // Report the haversine distance: it is what users compare with other tools.
        const double metres = geo::distanceM(position, m_ports[portIndex].position);
        if (metres <= maxDistanceM) {
            result.push_back({&m_ports[portIndex], metres});
        }
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
