#include "core/geo/geodesy.h"
#include "core/reference/port_index.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>

#include <algorithm>

using wake::model::LatLon;
using wake::model::Port;
using wake::reference::PortIndex;

namespace {

const PortIndex& ports()
{
    static const auto index = PortIndex::loadBuiltIn();
    EXPECT_TRUE(index.ok()) << index.error().toString().toStdString();
    return index.value();
}

std::vector<double> bruteForceDistances(const std::vector<Port>& all, const LatLon& q,
                                        std::size_t k)
{
    std::vector<double> d;
    d.reserve(all.size());
    for (const Port& p : all) {
        d.push_back(wake::geo::distanceM(q, p.position));
    }
    std::partial_sort(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(k), d.end());
    d.resize(k);
    return d;
}

} // namespace

TEST(PortIndex, LoadsWorldPortIndexAndUnLocode)
{
    const auto& all = ports().ports();
    const auto wpi = std::count_if(all.begin(), all.end(),
                                   [](const Port& p) { return p.origin == QLatin1String("WPI"); });
    EXPECT_EQ(wpi, 3802);
    EXPECT_GT(all.size(), 10000u); // plus UN/LOCODE sea ports with coordinates that WPI lacks
}

TEST(PortIndex, ByLocode)
{
    const Port* havana = ports().byLocode(QStringLiteral("CU HAV"));
    ASSERT_NE(havana, nullptr);
    EXPECT_NEAR(havana->position.latDeg, 23.1333, 1e-3);
    EXPECT_EQ(ports().byLocode(QStringLiteral("XXXXX")), nullptr);
}

// One harbour in both lists under two codes is one port: UN/LOCODE's
// "Bahia Las Minas" (PAPBM) is WPI's "Bahia De Las Minas" (PAMNP), and was
// drawn beside it. Its code still finds the port.
TEST(PortIndex, AHarbourInBothListsIsOnePort)
{
    const auto& all = ports().ports();
    EXPECT_EQ(
        std::count_if(all.begin(), all.end(),
                      [](const Port& p) { return p.name == QLatin1String("Bahia Las Minas"); }),
        0);
    const Port* minas = ports().byLocode(QStringLiteral("PAPBM"));
    ASSERT_NE(minas, nullptr);
    EXPECT_EQ(minas->name, QStringLiteral("Bahia De Las Minas"));
    EXPECT_EQ(minas->origin, QStringLiteral("WPI"));
    // Ports with other names a few kilometres apart stay apart: Cristóbal
    // and Colón, 3.7 km.
    const Port* cristobal = ports().byLocode(QStringLiteral("PACTB"));
    const Port* colon = ports().byLocode(QStringLiteral("PAONX"));
    ASSERT_NE(cristobal, nullptr);
    ASSERT_NE(colon, nullptr);
    EXPECT_NE(cristobal, colon);
    EXPECT_GT(all.size(), 9000u);
}

TEST(PortIndex, ColonPortsNearestToManzanillo)
{
    const auto near = ports().nearest({9.36, -79.88}, 3);
    ASSERT_EQ(near.size(), 3u);
    EXPECT_EQ(near[0].port->locode, QStringLiteral("PAONX")); // Puerto Colon
    EXPECT_LT(near[0].distanceM, 1500.0);
    EXPECT_LE(near[0].distanceM, near[1].distanceM);
    EXPECT_LE(near[1].distanceM, near[2].distanceM);
}

TEST(PortIndex, AgreesWithBruteForceEverywhere)
{
    QRandomGenerator rng(20130715);
    const auto& all = ports().ports();
    for (int i = 0; i < 300; ++i) {
        const LatLon q{rng.bounded(180.0) - 90.0, rng.bounded(360.0) - 180.0};
        const std::size_t k = 1 + static_cast<std::size_t>(rng.bounded(8));
        const auto got = ports().nearest(q, k);
        const auto want = bruteForceDistances(all, q, k);
        ASSERT_EQ(got.size(), k);
        for (std::size_t j = 0; j < k; ++j) {
            EXPECT_NEAR(got[j].distanceM, want[j], 1e-6)
                << q.latDeg << "," << q.lonDeg << " #" << j;
        }
    }
}

// Within a radius the search is bounded from its start (a ship at sea asking
// for ports within 100 km visits a few nodes): it must still find exactly
// the ports brute force finds inside the radius, however many there are.
TEST(PortIndex, WithinARadiusAgreesWithBruteForce)
{
    QRandomGenerator rng(20200101);
    const auto& all = ports().ports();
    for (int i = 0; i < 300; ++i) {
        // Half the queries near a port (many inside the radius), half anywhere.
        LatLon q{rng.bounded(180.0) - 90.0, rng.bounded(360.0) - 180.0};
        if (i % 2 == 0) {
            const LatLon& at = all[rng.bounded(static_cast<quint32>(all.size()))].position;
            q = {std::clamp(at.latDeg + rng.bounded(2.0) - 1.0, -90.0, 90.0),
                 at.lonDeg + rng.bounded(2.0) - 1.0};
            if (q.lonDeg > 180.0 || q.lonDeg < -180.0) {
                continue;
            }
        }
        const double radiusM = 1000.0 * (1 + rng.bounded(200));
        const std::size_t k = 1 + static_cast<std::size_t>(rng.bounded(64));
        std::vector<double> want;
        for (double d : bruteForceDistances(all, q, k)) {
            if (d <= radiusM) {
                want.push_back(d);
            }
        }
        const auto got = ports().nearest(q, k, radiusM);
        ASSERT_EQ(got.size(), want.size()) << q.latDeg << "," << q.lonDeg << " r " << radiusM;
        // distanceM's short-distance formula caches a cosine by latitude, so
        // the same pair can differ by micrometres between calls.
        for (std::size_t j = 0; j < got.size(); ++j) {
            EXPECT_NEAR(got[j].distanceM, want[j], 1e-3);
        }
        // The nearest WPI port within the radius, as a filter over all would give.
        std::optional<double> wpi;
        for (const auto& p : all) {
            if (p.origin == QLatin1String("WPI")) {
                const double d = wake::geo::distanceM(q, p.position);
                if (d <= radiusM && (!wpi || d < *wpi)) {
                    wpi = d;
                }
            }
        }
        const auto gotWpi = ports().nearestWpiPort(q, radiusM);
        ASSERT_EQ(gotWpi.has_value(), wpi.has_value());
        if (wpi) {
            EXPECT_NEAR(gotWpi->distanceM, *wpi, 1e-3);
            EXPECT_EQ(gotWpi->port->origin, QStringLiteral("WPI"));
        }
    }
}

TEST(PortIndex, AcrossTheAntimeridianAndAtThePoles)
{
    std::vector<Port> p(3);
    p[0].name = QStringLiteral("east");
    p[0].position = {0.0, 179.9};
    p[1].name = QStringLiteral("west-far");
    p[1].position = {0.0, 170.0};
    p[2].name = QStringLiteral("pole");
    p[2].position = {89.9, 0.0};
    const auto index = PortIndex::fromPorts(p);
    const auto near = index.nearest({0.0, -179.9}, 1);
    ASSERT_EQ(near.size(), 1u);
    EXPECT_EQ(near[0].port->name, QStringLiteral("east"));
    EXPECT_NEAR(near[0].distanceM, 22239.0, 50.0); // 0.2 degrees of longitude at the equator
    EXPECT_EQ(index.nearest({90.0, 123.0}, 1)[0].port->name, QStringLiteral("pole"));
}

TEST(PortIndex, LimitsAndEmptyCases)
{
    EXPECT_TRUE(ports().nearest({9.36, -79.88}, 0).empty());
    EXPECT_TRUE(ports().nearest({95.0, 0.0}, 3).empty()); // not a position
    EXPECT_TRUE(PortIndex::fromPorts({}).nearest({0, 0}, 3).empty());
    const auto within = ports().nearest({9.36, -79.88}, 50, 5000.0);
    EXPECT_FALSE(within.empty());
    for (const auto& n : within) {
        EXPECT_LE(n.distanceM, 5000.0);
    }
}
