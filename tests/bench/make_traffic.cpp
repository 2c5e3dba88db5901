// Writes generated AIS traffic as a MarineCadastre CSV (rows in time order,
// vessels interleaved) for benchmarks and demos, with the planted events on
// standard output as JSON lines.
//
//   wake_make_traffic OUT.csv [--vessels N] [--days D] [--fix-minutes M] [--pairs P] [--seed S]
//                             [--start YYYY-MM-DD] [--mmsi-base M] [--jitter-seconds S]

#include "core/reference/port_index.h"
#include "tests/support/marine_cadastre_csv.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2 || argv[1][0] == '-') {
        std::fprintf(stderr, "usage: wake_make_traffic OUT.csv [--vessels N] [--days D] "
                             "[--fix-minutes M] [--pairs P] [--seed S]\n");
        return 2;
    }
    wake::traffic::TrafficOptions options;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const double value = std::strtod(argv[i + 1], nullptr);
        if (flag == "--start") {
            const QDateTime start =
                QDateTime::fromString(QString::fromLatin1(argv[i + 1]), Qt::ISODate);
            if (!start.isValid()) {
                std::fprintf(stderr, "--start wants a date like 2023-07-01\n");
                return 2;
            }
            options.startUtcMs = QDateTime(start.date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        } else if (flag == "--mmsi-base") {
            options.mmsiBase = static_cast<std::uint32_t>(value);
        } else if (flag == "--vessels") {
            options.vessels = static_cast<std::size_t>(value);
        } else if (flag == "--days") {
            options.days = value;
        } else if (flag == "--fix-minutes") {
            options.fixMinutes = value;
        } else if (flag == "--pairs") {
            options.encounterPairs = static_cast<std::size_t>(value);
        } else if (flag == "--seed") {
            options.seed = static_cast<std::uint32_t>(value);
        } else if (flag == "--jitter-seconds") {
            options.reportJitterSeconds = value;
        } else {
            std::fprintf(stderr, "unknown option %s\n", flag.c_str());
            return 2;
        }
    }
    auto ports = wake::reference::PortIndex::loadBuiltIn();
    if (!ports) {
        std::fprintf(stderr, "%s\n", ports.error().toString().toUtf8().constData());
        return 1;
    }
    const auto traffic = wake::traffic::generateTraffic(*ports, options);
    if (!wake::traffic::writeMarineCadastreCsv(traffic, QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "cannot write %s\n", argv[1]);
        return 1;
    }
    for (const auto& e : traffic.events) {
        std::printf("{\"kind\":\"%s\",\"mmsi\":%u,\"start\":\"%s\",\"end\":\"%s\"}\n",
                    wake::model::toString(e.kind).toUtf8().constData(),
                    traffic.vessels[e.vessel].mmsi,
                    QDateTime::fromMSecsSinceEpoch(e.startUtcMs, Qt::UTC)
                        .toString(Qt::ISODate)
                        .toUtf8()
                        .constData(),
                    QDateTime::fromMSecsSinceEpoch(e.endUtcMs, Qt::UTC)
                        .toString(Qt::ISODate)
                        .toUtf8()
                        .constData());
    }
    std::fprintf(stderr, "%lld positions of %zu vessels, %zu planted events\n",
                 static_cast<long long>(traffic.pointCount()), traffic.vessels.size(),
                 traffic.events.size());
    return 0;
}
