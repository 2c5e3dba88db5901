// The vessel list model with its sort/filter proxy, configured as the window
// does, on 100,000 vessels: filtering by each kind of value, numeric sorting,
// and the count.

#include "core/reference/flag_states.h"
#include "ui/panels/vessel_list_model.h"

#include <QApplication>
#include <QIcon>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

namespace wake::ui {
namespace {

class VesselListTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        if (QApplication::instance() == nullptr) {
            static int argc = 1;
            static char name[] = "vessel_list_test";
            static char* argv[] = {name, nullptr};
            new QApplication(argc, argv);
        }
    }
    void SetUp() override
    {
        auto flags = reference::FlagStates::loadBuiltIn();
        ASSERT_TRUE(flags.ok());
        m_flags = std::make_unique<reference::FlagStates>(std::move(flags).value());
        m_model = std::make_unique<VesselListModel>(m_flags.get());
        std::vector<model::Vessel> vessels;
        vessels.reserve(100000);
        for (int i = 0; i < 100000; ++i) {
            model::Vessel v;
            v.id = i + 1;
            // MIDs cycle through Denmark (219), Panama (352) and North Korea (445).
            const int mid = i % 3 == 0 ? 219 : i % 3 == 1 ? 352 : 445;
            v.mmsi = static_cast<std::uint32_t>(mid * 1000000 + i);
            v.flagAlpha2 = i % 3 == 0   ? QStringLiteral("DK")
                           : i % 3 == 1 ? QStringLiteral("PA")
                                        : QStringLiteral("KP");
            v.name = QStringLiteral("SHIP %1").arg(i, 6, 10, QLatin1Char('0'));
            if (i % 10 == 0) {
                v.imo = static_cast<std::uint32_t>(9000000 + i);
            }
            if (i % 7 == 0) {
                v.callSign = QStringLiteral("CS%1").arg(i);
            }
            v.aisShipType = i % 2 == 0 ? 70 : 80; // cargo / tanker
            vessels.push_back(std::move(v));
        }
        m_model->setVessels(std::move(vessels));
        m_proxy.setSourceModel(m_model.get());
        // As MainWindow sets it up.
        m_proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_proxy.setFilterRole(VesselListModel::kFilterTextRole);
        m_proxy.setFilterKeyColumn(VesselListModel::Name);
        m_proxy.setSortRole(Qt::UserRole);
    }
    std::unique_ptr<reference::FlagStates> m_flags;
    std::unique_ptr<VesselListModel> m_model;
    QSortFilterProxyModel m_proxy;
};

TEST_F(VesselListTest, FiltersByEveryIdentityValue)
{
    ASSERT_EQ(m_proxy.rowCount(), 100000);
    m_proxy.setFilterFixedString(QStringLiteral("ship 012345"));
    EXPECT_EQ(m_proxy.rowCount(), 1);
    m_proxy.setFilterFixedString(QStringLiteral("352012346")); // MMSI
    ASSERT_EQ(m_proxy.rowCount(), 1);
    EXPECT_EQ(m_proxy.index(0, VesselListModel::Name).data().toString(),
              QStringLiteral("SHIP 012346"));
    m_proxy.setFilterFixedString(QStringLiteral("9012340")); // IMO
    EXPECT_EQ(m_proxy.rowCount(), 1);
    m_proxy.setFilterFixedString(QStringLiteral("CS700")); // call signs CS700, CS7007 ...
    int withCallSign = 0;
    for (int i = 0; i < 100000; i += 7) {
        withCallSign += QStringLiteral("CS%1").arg(i).startsWith(QLatin1String("CS700")) ? 1 : 0;
    }
    EXPECT_EQ(m_proxy.rowCount(), withCallSign);
    m_proxy.setFilterFixedString(QStringLiteral("Korea")); // flag by country name
    EXPECT_EQ(m_proxy.rowCount(), 33333);
    m_proxy.setFilterFixedString(QStringLiteral("tanker")); // AIS type 80's name
    EXPECT_EQ(m_proxy.rowCount(), 50000);
    m_proxy.setFilterFixedString(QStringLiteral("no such ship"));
    EXPECT_EQ(m_proxy.rowCount(), 0);
    m_proxy.setFilterFixedString(QString());
    EXPECT_EQ(m_proxy.rowCount(), 100000);
}

TEST_F(VesselListTest, SortsNumbersAsNumbersAndUnknownsFirst)
{
    m_proxy.sort(VesselListModel::Mmsi, Qt::AscendingOrder);
    EXPECT_EQ(m_proxy.index(0, VesselListModel::Mmsi).data().toString(),
              QStringLiteral("219000000"));
    EXPECT_EQ(m_proxy.index(99999, VesselListModel::Mmsi).data().toString(),
              QStringLiteral("445099998"));
    m_proxy.sort(VesselListModel::Imo, Qt::DescendingOrder);
    EXPECT_EQ(m_proxy.index(0, VesselListModel::Imo).data().toString(), QStringLiteral("9099990"));
    // Vessels without an IMO sort after every number when descending.
    EXPECT_TRUE(m_proxy.index(99999, VesselListModel::Imo).data().toString().isEmpty());
    m_proxy.sort(VesselListModel::Name, Qt::DescendingOrder);
    EXPECT_EQ(m_proxy.index(0, VesselListModel::Name).data().toString(),
              QStringLiteral("SHIP 099999"));
}

TEST_F(VesselListTest, ShowsFlagIconsAndTypeNames)
{
    const QModelIndex flag = m_model->index(0, VesselListModel::Flag);
    EXPECT_EQ(flag.data().toString(), QStringLiteral("DK"));
    EXPECT_FALSE(flag.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(flag.data(Qt::ToolTipRole).toString(), m_flags->countryName(QStringLiteral("DK")));
    EXPECT_TRUE(m_model->index(0, VesselListModel::Type)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Cargo")));
    EXPECT_EQ(m_model->rowOf(50000), 49999);
}

// One MMSI heard from two ships far apart is two vessels: their rows say the
// MMSI is shared instead of looking alike, a default MMSI says it is no
// unique identity, and a vessel added later on a known MMSI updates the
// first one's row.
TEST(VesselListMmsi, SharedAndDefaultMmsisAreSaidInTheirRows)
{
    VesselListModel model(nullptr);
    const auto vessel = [](model::VesselId id, std::uint32_t mmsi) {
        model::Vessel v;
        v.id = id;
        v.mmsi = mmsi;
        return v;
    };
    model.setVessels({vessel(1, 303457000), vessel(2, 1193046), vessel(3, 366614000)});
    const auto mmsi = [&](int row, int role = Qt::DisplayRole) {
        return model.index(row, VesselListModel::Mmsi).data(role).toString();
    };
    EXPECT_EQ(mmsi(0), QStringLiteral("303457000"));
    EXPECT_EQ(mmsi(1), QStringLiteral("1193046 (not unique)"));
    EXPECT_TRUE(mmsi(1, Qt::ToolTipRole).contains(QStringLiteral("not a unique identity")));
    int changed = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] { ++changed; });
    model.mergeVessels({vessel(4, 303457000)});
    EXPECT_GE(changed, 1);
    EXPECT_EQ(mmsi(0), QStringLiteral("303457000 (shared ×2)"));
    EXPECT_EQ(mmsi(3), QStringLiteral("303457000 (shared ×2)"));
    EXPECT_TRUE(mmsi(3, Qt::ToolTipRole).contains(QStringLiteral("1 other transmitter")))
        << mmsi(3, Qt::ToolTipRole).toStdString();
    EXPECT_EQ(mmsi(2), QStringLiteral("366614000"));
    // Sorting still goes by the number.
    EXPECT_EQ(model.index(0, VesselListModel::Mmsi).data(Qt::UserRole).toLongLong(), 303457000);
}

} // namespace
} // namespace wake::ui
