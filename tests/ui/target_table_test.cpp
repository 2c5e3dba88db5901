// The live target table: range and bearing from own ship, the watch's CPA
// and TCPA where it has them and blank elsewhere, sorting by value, the
// filter, own ship left out, and a click that selects the vessel.

#include "tests/ui/scenario_window.h"
#include "ui/shell/selected_vessel.h"
#include "ui/watch/target_table_feature.h"
#include "ui/watch/target_table_model.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace wake;
using namespace wake::test;

namespace {

constexpr std::int64_t kNow = 1'700'000'100'000;

live::LiveTarget target(std::uint32_t mmsi, model::VesselId id, const char* name, double lat,
                        double lon, std::int64_t heard)
{
    live::LiveTarget t;
    t.mmsi = mmsi;
    t.vesselId = id;
    t.name = QString::fromLatin1(name);
    t.latDeg = lat;
    t.lonDeg = lon;
    t.sogKnots = 10.0;
    t.cogDeg = 180.0;
    t.shipType = 70;
    t.lastHeardUtcMs = heard;
    t.hasPosition = true;
    return t;
}

std::shared_ptr<const ui::LiveSnapshot> snapshot()
{
    auto s = std::make_shared<ui::LiveSnapshot>();
    s->nowUtcMs = kNow;
    watch::PositionReport own;
    own.mmsi = 366999999;
    own.latDeg = 47.5;
    own.lonDeg = -122.4;
    s->ownShip = own;
    s->targets.push_back(target(366999999, 3, "OWN", 47.5, -122.4, kNow));
    s->targets.push_back(target(366000002, 1, "HEAD ON", 47.5 + 2.0 / 60.0, -122.4, kNow - 4'000));
    s->targets.push_back(
        target(366000004, 2, "FAR EAST", 47.5, -122.4 + 10.0 / (60.0 * 0.6756), kNow));
    watch::Approach a;
    a.cpaNm = 0.1;
    a.tcpaMinutes = 6.0;
    s->approaches.emplace(366000002, a);
    return s;
}

QString cell(const QAbstractItemModel& m, int row, int column)
{
    return m.index(row, column).data().toString();
}

} // namespace

TEST(TargetTable, RangeBearingAndTheWatchsCpaFromOwnShip)
{
    ui::TargetTableModel model;
    model.setSnapshot(snapshot());
    ASSERT_EQ(model.rowCount(), 2); // own ship is not a target
    EXPECT_EQ(cell(model, 0, ui::TargetTableModel::Name), QStringLiteral("HEAD ON"));
    EXPECT_EQ(cell(model, 0, ui::TargetTableModel::Range), QStringLiteral("2.00"));
    EXPECT_EQ(cell(model, 0, ui::TargetTableModel::Bearing), QStringLiteral("0"));
    EXPECT_EQ(cell(model, 0, ui::TargetTableModel::Cpa), QStringLiteral("0.10"));
    EXPECT_EQ(cell(model, 0, ui::TargetTableModel::Tcpa), QStringLiteral("6.0"));
    EXPECT_EQ(cell(model, 0, ui::TargetTableModel::Age), QStringLiteral("4"));
    EXPECT_EQ(cell(model, 1, ui::TargetTableModel::Bearing), QStringLiteral("90"));
    EXPECT_NEAR(cell(model, 1, ui::TargetTableModel::Range).toDouble(), 10.0, 0.02);
    // Out of the watch's reach: no CPA, not a made-up one.
    EXPECT_TRUE(cell(model, 1, ui::TargetTableModel::Cpa).isEmpty());
    EXPECT_EQ(model.index(1, 0).data(ui::TargetTableModel::kVesselRole).toLongLong(), 2);
}

TEST(TargetTable, NoOwnShipNoRangeNorBearing)
{
    auto s = std::make_shared<ui::LiveSnapshot>(*snapshot());
    s->ownShip.reset();
    ui::TargetTableModel model;
    model.setSnapshot(s);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_TRUE(cell(model, 0, ui::TargetTableModel::Range).isEmpty());
    EXPECT_TRUE(cell(model, 0, ui::TargetTableModel::Bearing).isEmpty());
}

namespace {
class TargetsWindow : public ScenarioWindowTest
{};
} // namespace

TEST_F(TargetsWindow, SortsByValueFiltersAndAClickSelects)
{
    m_window->show();
    auto& feature = m_window->targets();
    feature.dock()->show();
    feature.dock()->raise();
    feature.setSnapshot(snapshot());
    QSortFilterProxyModel& proxy = *feature.proxy();
    ASSERT_EQ(proxy.rowCount(), 2);
    // By range, nearest first (the default); by CPA, the blank one last.
    EXPECT_EQ(cell(proxy, 0, ui::TargetTableModel::Name), QStringLiteral("HEAD ON"));
    feature.view()->sortByColumn(ui::TargetTableModel::Range, Qt::DescendingOrder);
    EXPECT_EQ(cell(proxy, 0, ui::TargetTableModel::Name), QStringLiteral("FAR EAST"));
    feature.view()->sortByColumn(ui::TargetTableModel::Cpa, Qt::AscendingOrder);
    EXPECT_EQ(cell(proxy, 0, ui::TargetTableModel::Name), QStringLiteral("HEAD ON"));
    auto* filter = feature.dock()->findChild<QLineEdit*>();
    ASSERT_NE(filter, nullptr);
    filter->setText(QStringLiteral("366000004"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(cell(proxy, 0, ui::TargetTableModel::Name), QStringLiteral("FAR EAST"));
    filter->setText(QStringLiteral("head"));
    ASSERT_EQ(proxy.rowCount(), 1);
    if (const QString shots = qEnvironmentVariable("WAKE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        filter->clear();
        feature.view()->sortByColumn(ui::TargetTableModel::Range, Qt::AscendingOrder);
        feature.dock()->setFloating(true);
        feature.dock()->resize(1100, 200);
        QCoreApplication::processEvents();
        feature.dock()->grab().save(shots + QStringLiteral("/wake-targets.png"));
        filter->setText(QStringLiteral("head"));
    }
    // A click selects the vessel: the scenario's vessel 1.
    m_window->selection().select(std::nullopt);
    Q_EMIT feature.view()->clicked(proxy.index(0, 0));
    EXPECT_EQ(m_window->selection().id(), 1);
}
