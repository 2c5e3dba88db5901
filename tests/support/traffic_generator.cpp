#include "tests/support/traffic_generator.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace wake::traffic {

namespace {

constexpr double kHourMs = 3600.0 * 1000.0;

// Ports on the western North Atlantic, and open-ocean waypoints in the
// Sargasso Sea, hundreds of nautical miles from any coast.
const char* const kPorts[] = {"USNYC", "USBOS", "USORF", "USCHS",
                              "PRSJU", "CAHAL", "BSNAS", "USMIA"};
const model::LatLon kOcean[] = {{34.0, -58.0}, {30.0, -55.0}, {27.0, -62.0}, {37.5, -60.0},
                                {38.0, -52.0}, {24.0, -58.0}, {31.0, -70.0}, {28.0, -50.0}};

// Where the vessel is at a time; between two waypoints it moves on the great circle.
struct Waypoint
{
    std::int64_t t = 0;
    model::LatLon p;
};

std::int64_t hoursMs(double hours)
{
    return static_cast<std::int64_t>(hours * kHourMs);
}

class Planner
{
public:
    Planner(const reference::PortIndex& ports, const TrafficOptions& options)
        : m_options(options), m_rng(options.seed),
          m_end(options.startUtcMs + hoursMs(options.days * 24.0))
    {
        for (const char* code : kPorts) {
            if (const model::Port* p = ports.byLocode(QString::fromLatin1(code))) {
                m_ports.push_back(p);
            }
        }
    }

    GeneratedTraffic run()
    {
        const std::size_t n = m_options.vessels;
        m_traffic.vessels.resize(n);
        m_routes.resize(n);
        m_gaps.resize(n);
        m_jumps.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            m_traffic.vessels[i].mmsi = m_options.mmsiBase + static_cast<std::uint32_t>(i) * 7 + 1;
            m_traffic.vessels[i].name = QStringLiteral("TEST VESSEL %1").arg(i + 1);
        }
        std::size_t next = 0;
        // Pairs that meet at sea: planted encounters, then two short decoy meetings.
        for (std::size_t k = 0; k < m_options.encounterPairs && next + 1 < n; ++k, next += 2) {
            meet(next, next + 1, uniform(3.0, 5.0), true);
        }
        for (std::size_t k = 0; k < 2 && next + 1 < n; ++k, next += 2) {
            meet(next, next + 1, 1.0, false);
        }
        for (; next < n; ++next) {
            const model::Port* port = randomPort(nullptr);
            const std::int64_t t = m_options.startUtcMs - hoursMs(uniform(0.0, 24.0));
            stay(next, port, t, t + hoursMs(uniform(24.0, 48.0)));
            continueVoyages(next, port);
        }
        for (std::size_t i = 0; i < n; ++i) {
            sample(i);
            if (i % 5 == 2) {
                const std::int64_t when =
                    m_options.startUtcMs + hoursMs(uniform(48.0, m_options.days * 24.0 - 48.0));
                m_traffic.identityUpdates.push_back(
                    {i, when, m_traffic.vessels[i].name + QStringLiteral(" II")});
                plant(model::EventKind::IdentityChange, i, when, when);
            }
        }
        // Only what lies wholly inside the data can be found whole.
        const std::int64_t lo = m_options.startUtcMs + hoursMs(1.0);
        const std::int64_t hi = m_end - hoursMs(1.0);
        std::erase_if(m_traffic.events,
                      [&](const PlantedEvent& e) { return e.startUtcMs < lo || e.endUtcMs > hi; });
        std::erase_if(m_traffic.voyages, [&](const PlantedVoyage& v) {
            return v.departureUtcMs < lo || v.arrivalUtcMs > hi;
        });
        return std::move(m_traffic);
    }

private:
    double uniform(double a, double b)
    {
        return std::uniform_real_distribution<double>(a, b)(m_rng);
    }
    bool chance(double p) { return uniform(0.0, 1.0) < p; }

    const model::Port* randomPort(const model::Port* not_)
    {
        for (;;) {
            const model::Port* p = m_ports[static_cast<std::size_t>(
                uniform(0.0, static_cast<double>(m_ports.size()) - 1e-9))];
            if (p != not_) {
                return p;
            }
        }
    }

    model::LatLon oceanPoint()
    {
        const model::LatLon base =
            kOcean[static_cast<std::size_t>(uniform(0.0, std::size(kOcean) - 1e-9))];
        return {base.latDeg + uniform(-1.5, 1.5), base.lonDeg + uniform(-1.5, 1.5)};
    }

    void plant(model::EventKind kind, std::size_t vessel, std::int64_t start, std::int64_t end,
               std::optional<std::size_t> other = {}, QString port = {})
    {
        m_traffic.events.push_back({kind, vessel, other, start, end, std::move(port)});
    }

    std::vector<Waypoint>& route(std::size_t v) { return m_routes[v]; }
    std::int64_t now(std::size_t v) const { return m_routes[v].back().t; }
    model::LatLon here(std::size_t v) const { return m_routes[v].back().p; }

    void stay(std::size_t v, const model::Port* port, std::int64_t from, std::int64_t to)
    {
        route(v).push_back({from, port->position});
        // A reception gap inside some stays, shorter than the 4 h that would split the visit.
        if (to - from > hoursMs(10.0) && chance(0.3)) {
            const std::int64_t g = from + hoursMs(uniform(3.0, 6.0));
            m_gaps[v].push_back({g, g + hoursMs(2.0)});
        }
        route(v).push_back({to, port->position});
        plant(model::EventKind::PortVisit, v, from, to, {}, port->locode);
        if (m_lastStay.size() <= v) {
            m_lastStay.resize(v + 1);
        }
        if (m_lastStay[v].port != nullptr) {
            m_traffic.voyages.push_back(
                {v, m_lastStay[v].port->locode, port->locode, m_lastStay[v].end, from});
        }
        m_lastStay[v] = {port, to};
    }

    // Sails from where the vessel is to `to` at `knots`; the harbour's last
    // 5 km at 6 kn. Plants gaps and jumps on long legs.
    void sail(std::size_t v, const model::LatLon& to, double knots, bool intoPort, bool outOfPort)
    {
        const model::LatLon from = here(v);
        const double total = geo::distanceM(from, to);
        const double slowM = 5000.0;
        auto at = [&](double metres) {
            return geo::interpolateGreatCircle(from, to, metres / total);
        };
        auto msFor = [](double metres, double kn) {
            return static_cast<std::int64_t>(metres / (kn * geo::kMetresPerNauticalMile) * kHourMs);
        };
        const std::int64_t start = now(v);
        double done = 0.0;
        if (outOfPort) {
            route(v).push_back({now(v) + msFor(slowM, 6.0), at(slowM)});
            done = slowM;
        }
        const double cruiseEnd = intoPort ? total - slowM : total;
        route(v).push_back({now(v) + msFor(cruiseEnd - done, knots), at(cruiseEnd)});
        if (intoPort) {
            route(v).push_back({now(v) + msFor(slowM, 6.0), to});
        }
        const std::int64_t end = now(v);
        const double hours = static_cast<double>(end - start) / kHourMs;
        if (hours < 30.0) {
            return;
        }
        // Planted gaps and decoy gaps in the second third, a jump in the first.
        const std::int64_t third = (end - start) / 3;
        if (chance(0.35)) {
            const std::int64_t g = start + third + hoursMs(uniform(1.0, 3.0));
            const std::int64_t len = hoursMs(uniform(8.0, 20.0));
            if (g + len < end - third / 2) {
                m_gaps[v].push_back({g, g + len});
                m_plantedGaps.push_back({v, g, g + len});
            }
        } else if (chance(0.3)) {
            const std::int64_t g = start + third + hoursMs(uniform(1.0, 3.0));
            m_gaps[v].push_back({g, g + hoursMs(uniform(2.0, 4.0))});
        }
        if (chance(0.3)) {
            m_jumps[v].push_back(start + third / 2 + hoursMs(uniform(0.0, 2.0)));
        }
    }

    void loiter(std::size_t v, double hours, double knots, double bearing)
    {
        const model::LatLon p = here(v);
        const double metres = knots * geo::kMetresPerNauticalMile * hours;
        const double dLat = metres * std::cos(geo::degToRad(bearing)) / 111'320.0;
        const double dLon = metres * std::sin(geo::degToRad(bearing)) /
                            (111'320.0 * std::cos(geo::degToRad(p.latDeg)));
        route(v).push_back({now(v) + hoursMs(hours), {p.latDeg + dLat, p.lonDeg + dLon}});
    }

    void continueVoyages(std::size_t v, const model::Port* port)
    {
        while (now(v) < m_end) {
            sail(v, oceanPoint(), uniform(11.0, 14.0), false, true);
            if (chance(0.3)) {
                const std::int64_t t = now(v);
                const double hours = uniform(3.0, 6.0);
                loiter(v, hours, 0.6, uniform(0.0, 360.0));
                plant(model::EventKind::Loitering, v, t, now(v));
            } else if (chance(0.2)) {
                loiter(v, 1.0, 0.6, uniform(0.0, 360.0)); // too short to be loitering
            }
            const model::Port* next = randomPort(port);
            sail(v, next->position, uniform(11.0, 14.0), true, false);
            const std::int64_t t = now(v);
            stay(v, next, t, t + hoursMs(uniform(12.0, 40.0)));
            port = next;
        }
    }

    // Two vessels leave their ports so as to reach one ocean point at the
    // same time, drift side by side (about 140 m apart) for `hours`, then go
    // on with their own voyages.
    void meet(std::size_t a, std::size_t b, double hours, bool planted)
    {
        const model::LatLon o = oceanPoint();
        const model::Port* pa = randomPort(nullptr);
        const model::Port* pb = randomPort(pa);
        const double knots = 12.0;
        auto travelMs = [&](const model::Port* p) {
            return static_cast<std::int64_t>(geo::distanceM(p->position, o) /
                                             (knots * geo::kMetresPerNauticalMile) * kHourMs);
        };
        const std::int64_t meetAt = m_options.startUtcMs + hoursMs(uniform(30.0, 60.0)) +
                                    std::max(travelMs(pa), travelMs(pb));
        for (const auto& [v, port] : {std::pair{a, pa}, std::pair{b, pb}}) {
            const std::int64_t leave = meetAt - travelMs(port) - hoursMs(5000.0 / (6.0 * 1852.0)) +
                                       hoursMs(5000.0 / (knots * 1852.0));
            stay(v, port, m_options.startUtcMs - hoursMs(24.0), leave);
        }
        // Sail both; then pin their arrival to the meeting time exactly.
        for (const std::size_t v : {a, b}) {
            sail(v, v == a ? o : model::LatLon{o.latDeg + 0.00125, o.lonDeg}, knots, false, true);
            route(v).back().t = meetAt;
        }
        const double bearing = uniform(0.0, 360.0);
        loiter(a, hours, 0.5, bearing);
        loiter(b, hours, 0.5, bearing);
        if (planted) {
            plant(model::EventKind::Encounter, a, meetAt, meetAt + hoursMs(hours), b);
            plant(model::EventKind::Loitering, a, meetAt, meetAt + hoursMs(hours));
            plant(model::EventKind::Loitering, b, meetAt, meetAt + hoursMs(hours));
        }
        continueVoyages(a, pa);
        continueVoyages(b, pb);
    }

    // Fixes every fixMinutes from a phase of the vessel's own, with a few
    // metres of GPS noise, minus the gaps, plus the jumps.
    void sample(std::size_t v)
    {
        for (const auto& g : m_plantedGaps) {
            if (g.vessel == v) {
                plant(model::EventKind::AisGap, v, g.from, g.to);
            }
        }
        const auto& wps = m_routes[v];
        const auto stepMs = static_cast<std::int64_t>(m_options.fixMinutes * 60'000.0);
        const std::int64_t phase =
            static_cast<std::int64_t>(uniform(0.0, static_cast<double>(stepMs)));
        std::size_t seg = 0;
        auto& track = m_traffic.vessels[v].track;
        std::normal_distribution<double> noise(0.0, 4.0); // metres
        for (std::int64_t t = m_options.startUtcMs + phase; t < m_end; t += stepMs) {
            while (seg + 1 < wps.size() && wps[seg + 1].t <= t) {
                ++seg;
            }
            if (seg + 1 >= wps.size() || wps[seg].t > t) {
                continue;
            }
            const bool silent = std::any_of(m_gaps[v].begin(), m_gaps[v].end(), [&](const auto& g) {
                return t > g.first && t < g.second;
            });
            if (silent) {
                continue;
            }
            const Waypoint& w0 = wps[seg];
            const Waypoint& w1 = wps[seg + 1];
            const double f = static_cast<double>(t - w0.t) / static_cast<double>(w1.t - w0.t);
            model::LatLon p = geo::interpolateGreatCircle(w0.p, w1.p, f);
            const double metres = geo::distanceM(w0.p, w1.p);
            const double knots =
                metres / geo::kMetresPerNauticalMile / (static_cast<double>(w1.t - w0.t) / kHourMs);
            p.latDeg += noise(m_rng) / 111'320.0;
            p.lonDeg += noise(m_rng) / (111'320.0 * std::cos(geo::degToRad(p.latDeg)));
            model::TrackPoint tp;
            tp.vesselId = static_cast<std::int64_t>(v);
            tp.timeUtcMs = t;
            if (m_options.reportJitterSeconds > 0.0) {
                const auto late = static_cast<std::int64_t>(std::floor(
                                      uniform(0.0, m_options.reportJitterSeconds + 1.0))) *
                                  1000;
                tp.timeUtcMs = t - t % 1000 + late; // whole seconds, as receivers stamp
            }
            tp.latDeg = p.latDeg;
            tp.lonDeg = p.lonDeg;
            tp.sogKnots = static_cast<float>(
                std::max(0.0, knots + (knots > 0.5 ? noise(m_rng) * 0.05 : 0.0)));
            tp.cogDeg = static_cast<float>(metres > 1.0 ? geo::initialBearingDeg(w0.p, w1.p) : 0.0);
            tp.navStatus = static_cast<std::uint8_t>(knots < 0.3 ? 5 : 0);
            const bool jump = std::any_of(m_jumps[v].begin(), m_jumps[v].end(),
                                          [&](std::int64_t j) { return t >= j && t < j + stepMs; });
            if (jump) {
                tp.latDeg += 1.5; // 90 nm off in five minutes
                plant(model::EventKind::PositionJump, v, t, t);
            }
            track.push_back(tp);
        }
    }

    struct Stay
    {
        const model::Port* port = nullptr;
        std::int64_t end = 0;
    };
    struct Gap
    {
        std::size_t vessel;
        std::int64_t from;
        std::int64_t to;
    };

    TrafficOptions m_options;
    std::mt19937 m_rng;
    std::int64_t m_end;
    std::vector<const model::Port*> m_ports;
    GeneratedTraffic m_traffic;
    std::vector<std::vector<Waypoint>> m_routes;
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> m_gaps;
    std::vector<std::vector<std::int64_t>> m_jumps;
    std::vector<Gap> m_plantedGaps;
    std::vector<Stay> m_lastStay;
};

} // namespace

std::int64_t GeneratedTraffic::pointCount() const
{
    std::int64_t n = 0;
    for (const auto& v : vessels) {
        n += static_cast<std::int64_t>(v.track.size());
    }
    return n;
}

GeneratedTraffic generateTraffic(const reference::PortIndex& ports, const TrafficOptions& options)
{
    return Planner(ports, options).run();
}

} // namespace wake::traffic
