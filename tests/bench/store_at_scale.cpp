// Query times on a large store (tests/bench/build_100m_store.sh makes one):
// the vessel list, one vessel's whole track (cold: the first read of each
// vessel, from disk when the OS cache was dropped before; warm: read again),
// where every vessel was at a time, and scrolling the window's vessel list
// through all vessels.
//
//   wake_store_at_scale STORE.sqlite

#include "core/reference/flag_states.h"
#include "core/store/database.h"
#include "ui/panels/vessel_list_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <random>
#include <vector>

using namespace wake;

namespace {

struct Figures
{
    std::vector<double> ms;
    double median()
    {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0.0 : ms[ms.size() / 2];
    }
    double max() const { return ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()); }
};

double elapsedMs(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: wake_store_at_scale STORE.sqlite\n");
        return 2;
    }
    auto db = store::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().toString().toUtf8().constData());
        return 1;
    }
    QElapsedTimer t;
    t.start();
    auto vessels = db->listVessels();
    const double listMs = elapsedMs(t);
    if (!vessels) {
        return 1;
    }
    std::printf("store: %zu vessels; list of vessels: %.1f ms\n", vessels->size(), listMs);

    std::mt19937 rng(7);
    std::vector<model::VesselId> sample;
    for (int i = 0; i < 200; ++i) {
        sample.push_back((*vessels)[rng() % vessels->size()].id);
    }
    for (const char* pass : {"cold", "warm"}) {
        Figures f;
        std::size_t rows = 0;
        for (const model::VesselId id : sample) {
            t.restart();
            auto track = db->track(id, std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max());
            f.ms.push_back(elapsedMs(t));
            rows += track ? track->size() : 0;
        }
        std::printf("one vessel's whole track (%s, 200 vessels, %zu positions on average): "
                    "median %.2f ms, max %.2f ms\n",
                    pass, rows / sample.size(), f.median(), f.max());
    }

    // Times spread over the store's AIS days (the scenario's 2013 points left out).
    auto first = db->connection().queryInt(
        QStringLiteral("SELECT min(time_utc_ms) FROM track_points WHERE provenance = 0"));
    auto last =
        db->connection().queryInt(QStringLiteral("SELECT max(time_utc_ms) FROM track_points"));
    Figures at;
    std::size_t found = 0;
    for (int i = 1; i <= 5; ++i) {
        const std::int64_t time = *first + (*last - *first) * i / 6;
        t.restart();
        auto positions = db->positionsAt(time, 10 * 60 * 1000);
        at.ms.push_back(elapsedMs(t));
        found = positions ? positions->size() : 0;
    }
    std::printf("every vessel at a time (last fix within 10 min; 5 times): median %.1f ms, max "
                "%.1f ms, %zu vessels at the last\n",
                at.median(), at.max(), found);

    auto points = db->trackPointCount(); // reads the whole table: after the timings
    std::printf("store: %lld positions\n", static_cast<long long>(points ? *points : -1));

    // The window's vessel list: model, sort proxy, view; one page down at a time.
    auto flags = reference::FlagStates::loadBuiltIn();
    ui::VesselListModel model(flags ? &*flags : nullptr);
    t.restart();
    model.setVessels(std::move(vessels).value());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(Qt::UserRole);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(ui::VesselListModel::Name, Qt::AscendingOrder);
    view.resize(420, 900);
    view.show();
    QApplication::processEvents();
    std::printf("vessel list filled and sorted: %.0f ms\n", elapsedMs(t));
    Figures scroll;
    QScrollBar* bar = view.verticalScrollBar();
    for (int value = 0; value <= bar->maximum() && scroll.ms.size() < 400;
         value += std::max(1, bar->pageStep())) {
        t.restart();
        bar->setValue(value);
        view.viewport()->repaint();
        scroll.ms.push_back(elapsedMs(t));
    }
    std::printf("vessel list scrolling (%zu pages): median %.2f ms, max %.2f ms per page\n",
                scroll.ms.size(), scroll.median(), scroll.max());
    return 0;
}
