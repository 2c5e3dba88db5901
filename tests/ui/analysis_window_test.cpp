// Analysis in the window: detected events in the events panel with the kind
// filter, envelopes and encounter links on the map, the evidence card and its
// "Go to" button, voyages and AIS identity in the details, the rules dialog,
// and a re-run that lists its changes before they are kept.

#include "core/analysis/analyzer.h"
#include "core/analysis/rules.h"
#include "core/scenario/scenario_installer.h"
#include "tests/support/traffic_generator.h"
#include "tests/ui/test_application.h"
#include "tests/ui/window_parts.h"
#include "ui/analysis/changes_dialog.h"
#include "ui/analysis/rules_dialog.h"
#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/panels/events_model.h"
#include "ui/replay/event_card.h"
#include "ui/replay/evidence_text.h"
#include "ui/replay/replay_controller.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

using namespace wake;

namespace {

using wake::test::waitFor;

class AnalysisWindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { wake::test::ensureApplication(); }
    void SetUp() override
    {
        wake::test::useSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        auto db = scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("a.sqlite")));
        ASSERT_TRUE(db.ok());
        auto ports = reference::PortIndex::loadBuiltIn();
        ASSERT_TRUE(ports.ok());
        traffic::TrafficOptions options;
        options.vessels = 10;
        options.encounterPairs = 2;
        options.days = 14;
        const auto traffic = traffic::generateTraffic(*ports, options);
        for (const auto& v : traffic.vessels) {
            model::Vessel vessel;
            vessel.mmsi = v.mmsi;
            vessel.name = v.name;
            vessel.aisShipType = 70;
            vessel.lengthM = 180;
            vessel.beamM = 30;
            auto id = db->upsertVessel(vessel);
            ASSERT_TRUE(id.ok());
            auto points = v.track;
            for (auto& p : points) {
                p.vesselId = *id;
            }
            ASSERT_TRUE(db->insertTrackPoints(points).ok());
        }
        auto shore = analysis::ShoreDistance::builtIn(*ports);
        ASSERT_TRUE(shore.ok());
        analysis::Analyzer analyzer(*db, *ports, *shore, analysis::AnalysisRules{});
        auto out = analyzer.run({});
        ASSERT_TRUE(out.ok());
        ASSERT_TRUE(analyzer.keep(*out).ok());
        ASSERT_FALSE(out->voyages.empty());
        m_voyageVessel = out->voyages.front().vesselId;
        for (const auto& e : out->events) {
            if (e.kind == model::EventKind::AisGap && !m_gapVessel) {
                m_gapVessel = e.vesselId;
            }
            if (e.kind == model::EventKind::Encounter && !m_encounterVessel) {
                m_encounterVessel = e.vesselId;
            }
        }
        m_window = std::make_unique<ui::MainWindow>(std::move(db).value());
        ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
    std::optional<model::VesselId> m_gapVessel;
    std::optional<model::VesselId> m_encounterVessel;
    model::VesselId m_voyageVessel = 0;
};

} // namespace

TEST_F(AnalysisWindowTest, GapsAreListedFilteredDrawnAndExplained)
{
    ASSERT_TRUE(m_gapVessel);
    wake::test::selectAndWait(*m_window, *m_gapVessel);
    auto* model = wake::test::part<QTableView>(*m_window, "eventsView")->model();
    const int all = model->rowCount();
    ASSERT_GT(all, 1);
    QComboBox* filter = wake::test::part<QComboBox>(*m_window, "eventKindFilter");
    filter->setCurrentIndex(filter->findData(QStringLiteral("ais_gap")));
    const int gaps = model->rowCount();
    ASSERT_GT(gaps, 0);
    EXPECT_LT(gaps, all);
    for (int row = 0; row < gaps; ++row) {
        EXPECT_EQ(model->index(row, ui::EventsModel::Kind).data().toString(),
                  QStringLiteral("AIS gap"));
    }

    // The map has the gap's dashed line and its envelope.
    const auto& data = m_window->map()->renderer().sceneData();
    ASSERT_FALSE(data.gaps.empty());
    EXPECT_GT(data.gaps.front().envelope.size(), 50);
    EXPECT_FALSE(data.gaps.front().reconstruction);

    // The card shows the evidence; its button moves the replay to the gap.
    const auto* e = dynamic_cast<ui::EventsModel*>(model)->eventAt(0);
    ASSERT_NE(e, nullptr);
    auto* card = m_window->events().card();
    card->present(*e, ui::eventCardHtml(*e, {}, {}));
    const QString text = card->browser()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Evidence")));
    // Evidence in words with units, not the detector's JSON keys, and no
    // pointer to a command line a window user does not have.
    EXPECT_TRUE(text.contains(QStringLiteral("Speed used for the envelope"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral(" kn"))) << text.toStdString();
    for (const char* key :
         {"envelopeKnots", "durationH", "impliedKnots", "shoreNm", "wake events"}) {
        EXPECT_FALSE(text.contains(QLatin1String(key))) << key << " in " << text.toStdString();
    }
    EXPECT_TRUE(text.contains(QStringLiteral("within reach")) ||
                text.contains(QStringLiteral("Possible unseen calls")));
    auto* goTo = card->findChild<QPushButton*>(QStringLiteral("goToEvent"));
    ASSERT_NE(goTo, nullptr);
    goTo->click();
    EXPECT_EQ(m_window->replay().controller()->time(), e->time.startUtcMs);

    // The details: the AIS type and size.
    const QString details = wake::test::part<QTextBrowser>(*m_window, "detailsView")->toPlainText();
    EXPECT_TRUE(details.contains(QStringLiteral("AIS type 70"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("180 × 30 m")));
}

TEST_F(AnalysisWindowTest, DetectedVoyagesAreListedAndAClickReplaysOne)
{
    wake::test::selectAndWait(*m_window, m_voyageVessel);
    const QString details = wake::test::part<QTextBrowser>(*m_window, "detailsView")->toPlainText();
    EXPECT_TRUE(details.contains(QStringLiteral("Voyages"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("detected")));
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toHtml()
                    .contains(QStringLiteral("voyage:0")));
    // A voyage link chooses that voyage for the replay.
    wake::test::part<QComboBox>(*m_window, "replayRange")
        ->setCurrentIndex(wake::test::part<QComboBox>(*m_window, "replayRange")->count() - 1);
    Q_EMIT wake::test::part<QTextBrowser>(*m_window, "detailsView")
        ->anchorClicked(QUrl(QStringLiteral("voyage:0")));
    EXPECT_EQ(wake::test::part<QComboBox>(*m_window, "replayRange")->currentIndex(), 0);
    EXPECT_NE(wake::test::part<QComboBox>(*m_window, "replayRange")
                  ->currentText()
                  .indexOf(QStringLiteral("→")),
              -1);
}

TEST_F(AnalysisWindowTest, EncountersLinkBothShipsAndTheScenarioDarkPeriodsHaveEnvelopes)
{
    ASSERT_TRUE(m_encounterVessel);
    wake::test::selectAndWait(*m_window, *m_encounterVessel);
    EXPECT_FALSE(m_window->map()->renderer().sceneData().encounterLinks.empty());

    // The scenario ship (the first vessel): two dark periods, drawn as reconstructions.
    wake::test::selectAndWait(*m_window, 1);
    const auto& gaps = m_window->map()->renderer().sceneData().gaps;
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_TRUE(gaps[0].reconstruction);
    EXPECT_FALSE(gaps[0].possibleCalls.empty());
}

TEST_F(AnalysisWindowTest, RulesDialogPresetsAndCustomValues)
{
    ui::RulesDialog dialog(analysis::AnalysisRules::globalFishingWatch());
    QDoubleSpinBox* distance =
        dialog.field(QStringLiteral("encounters"), QStringLiteral("maxDistanceM"));
    ASSERT_NE(distance, nullptr);
    EXPECT_EQ(distance->value(), 500.0);
    dialog.presetChooser()->setCurrentIndex(
        dialog.presetChooser()->findData(QStringLiteral("skylight")));
    EXPECT_EQ(distance->value(), 250.0);
    EXPECT_EQ(dialog.rules(), analysis::AnalysisRules::skylight());
    dialog.field(QStringLiteral("loitering"), QStringLiteral("minShoreNm"))->setValue(30.0);
    EXPECT_EQ(dialog.presetChooser()->currentData().toString(), QStringLiteral("custom"));
    const analysis::AnalysisRules rules = dialog.rules();
    EXPECT_EQ(rules.preset, QStringLiteral("custom"));
    EXPECT_EQ(rules.loitering.minShoreNm, 30.0);
    EXPECT_EQ(rules.encounters.maxDistanceM, 250.0);
}

TEST_F(AnalysisWindowTest, ARerunListsItsChangesBeforeTheyAreKept)
{
    bool shown = false;
    bool kept = false;
    QObject::connect(&m_window->analysis(), &ui::AnalysisFeature::shown, [&] { shown = true; });
    QObject::connect(&m_window->analysis(), &ui::AnalysisFeature::kept, [&] { kept = true; });
    analysis::AnalysisRules rules = analysis::AnalysisRules::skylight();
    rules.gaps.minDurationH = 13.0;
    m_window->analysis().run(rules);
    ASSERT_TRUE(waitFor([&] { return shown; }));
    auto* dialog = m_window->findChild<ui::ChangesDialog*>(QStringLiteral("analysisChanges"));
    ASSERT_NE(dialog, nullptr);
    QTreeWidgetItem* removed = dialog->list()->topLevelItem(1);
    ASSERT_NE(removed, nullptr);
    EXPECT_TRUE(removed->text(0).startsWith(QStringLiteral("Removed")));
    EXPECT_GT(removed->childCount(), 0); // the gaps between 6 and 13 h
    EXPECT_FALSE(kept);
    dialog->findChild<QPushButton*>(QStringLiteral("keepAnalysis"))->click();
    ASSERT_TRUE(waitFor([&] { return kept; }));
}

// A card gives the time and its zone once ("22:11 UTC", not "22:11 UTC UTC"),
// and for a date without a time of day says so.
TEST(EventCardText, SaysUtcOnceAndADateWithoutItsHour)
{
    model::Event e;
    e.kind = model::EventKind::AisGap;
    e.title = QStringLiteral("AIS gap");
    e.time.startUtcMs = 1'373'407'860'000; // 2013-07-09 22:11 UTC
    e.time.endUtcMs = e.time.startUtcMs;
    e.time.precision = model::TimePrecision::Minute;
    const QString minute = ui::eventCardHtml(e, {}, {});
    EXPECT_TRUE(minute.contains(QStringLiteral("2013-07-09 22:11 UTC"))) << minute.toStdString();
    EXPECT_FALSE(minute.contains(QStringLiteral("UTC UTC"))) << minute.toStdString();

    e.time.precision = model::TimePrecision::Day;
    e.time.startUtcMs = 1'373'846'400'000; // 2013-07-15
    e.time.endUtcMs = e.time.startUtcMs + 86'400'000;
    const QString day = ui::eventCardHtml(e, {}, {});
    EXPECT_TRUE(day.contains(QStringLiteral("time of day not reported"))) << day.toStdString();
    EXPECT_FALSE(day.contains(QStringLiteral("UTC"))) << day.toStdString();
}

// A detected event's card names its evidence in words with units, and lists
// the rule values it was found with (stored with it), not JSON keys.
TEST(EventCardText, EvidenceInWordsAndTheRuleValuesThatFoundIt)
{
    EXPECT_EQ(ui::evidenceLabel(QStringLiteral("fromPreviousKnots")),
              QStringLiteral("Speed from the previous fix"));
    EXPECT_EQ(ui::evidenceValueText(QStringLiteral("durationH"), 4.25), QStringLiteral("4.25 h"));
    EXPECT_EQ(ui::evidenceValueText(QStringLiteral("shoreNm"), 22.5), QStringLiteral("22.5 nm"));
    EXPECT_EQ(ui::evidenceValueText(QStringLiteral("minDistanceM"), 120.0),
              QStringLiteral("120 m"));
    EXPECT_EQ(ui::evidenceValueText(QStringLiteral("stationary"), true), QStringLiteral("yes"));
    // A key the table does not know is still shown, in words, with its unit.
    EXPECT_EQ(ui::evidenceLabel(QStringLiteral("someNewValueKm")),
              QStringLiteral("Some new value"));
    EXPECT_EQ(ui::evidenceValueText(QStringLiteral("someNewValueKm"), 3.0), QStringLiteral("3 km"));

    model::Event e;
    e.kind = model::EventKind::Loitering;
    e.title = QStringLiteral("Loitering for 4.3 h");
    e.time.startUtcMs = 1'373'407'860'000;
    e.time.endUtcMs = e.time.startUtcMs + 4 * 3'600'000;
    e.time.precision = model::TimePrecision::Minute;
    e.evidence =
        QStringLiteral("{\"durationH\":4.3,\"meanKnots\":0.4,\"shoreNm\":31.2,\"fixes\":52}");
    e.attribution.note = QStringLiteral("Detected by Wake from AIS positions");
    analysis::AnalysisRules rules;
    rules.loitering.maxMeanSpeedKnots = 1.5;
    // The card's text with its markup taken out, a cell per line.
    QString text = ui::eventCardHtml(e, {}, {}, rules.toCompactJson());
    text.replace(QRegularExpression(QStringLiteral("</td>|</tr>|</h3>")), QStringLiteral("\n"));
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    EXPECT_TRUE(text.contains(QStringLiteral("Mean speed\n0.40 kn"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("31.2 nm"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Rules that found it"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("1.50 kn"))) << text.toStdString();
    // The rules of other detectors are not listed on a loitering card.
    EXPECT_FALSE(text.contains(QStringLiteral("Entry within"))) << text.toStdString();
}
