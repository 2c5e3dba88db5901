// The "All events" dock on the scenario: every event of every vessel, the
// filters of the command line (kind, area, flag, listed, confidence, time),
// fields that cannot be read marked and left out, and the CSV of what shows.

#include "tests/ui/scenario_window.h"
#include "ui/investigate/areas_feature.h"
#include "ui/investigate/fleet_events_feature.h"
#include "ui/investigate/port_calls_dialog.h"
#include "ui/map/map_widget.h"
#include "ui/replay/events_feature.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>

using namespace wake;
using namespace wake::test;

namespace {

class FleetEvents : public ScenarioWindowTest
{
protected:
    ui::FleetEventsFeature& feature() { return m_window->fleetEvents(); }
    template <typename T>
    T* field(const QString& accessibleName)
    {
        for (T* w : feature().dock()->findChildren<T*>()) {
            if (w->accessibleName() == accessibleName) {
                return w;
            }
        }
        return nullptr;
    }
    void type(const QString& name, const QString& text)
    {
        auto* e = field<QLineEdit>(name);
        ASSERT_NE(e, nullptr) << name.toStdString();
        e->setText(text);
        Q_EMIT e->editingFinished();
    }
};

} // namespace

TEST_F(FleetEvents, FiltersAsTheCommandLineDoesAndExportsWhatShows)
{
    m_window->show();
    feature().dock()->show();
    feature().dock()->raise();
    feature().reload();
    const int all = feature().shownRows();
    EXPECT_EQ(all, 49); // the scenario's events
    // The Chong Chon Gang is on the built-in list: all of them are a listed ship's.
    auto* listed = feature().dock()->findChild<QCheckBox*>();
    ASSERT_NE(listed, nullptr);
    listed->setChecked(true);
    EXPECT_EQ(feature().shownRows(), all);
    // Only the seizure.
    auto* kind = field<QComboBox>(QStringLiteral("Kind of event"));
    ASSERT_NE(kind, nullptr);
    kind->setCurrentIndex(kind->findData(QStringLiteral("seizure")));
    EXPECT_EQ(feature().shownRows(), 1);
    kind->setCurrentIndex(0);
    // A box round Colón holds the events placed there, and no others.
    type(QStringLiteral("Area"), QStringLiteral("9.2,-80.0,9.45,-79.8"));
    const int atColon = feature().shownRows();
    EXPECT_GE(atColon, 3); // the inspections, the seizure, the release at least
    EXPECT_LT(atColon, all);
    // A flag no ship of it has: none.
    type(QStringLiteral("Flag"), QStringLiteral("PA"));
    EXPECT_EQ(feature().shownRows(), 0);
    // A field that cannot be read is marked and left out, not guessed.
    type(QStringLiteral("Flag"), QStringLiteral("Panama"));
    EXPECT_EQ(feature().shownRows(), atColon);
    EXPECT_FALSE(field<QLineEdit>(QStringLiteral("Flag"))->styleSheet().isEmpty());
    type(QStringLiteral("Flag"), QString());
    type(QStringLiteral("Area"), QString());
    // Time: 2013's events from the seizure on.
    type(QStringLiteral("From"), QStringLiteral("2013-07-15"));
    type(QStringLiteral("To"), QStringLiteral("2013-12-31T23:59Z"));
    const int after = feature().shownRows();
    EXPECT_GE(after, 5);
    EXPECT_LT(after, all);

    // scripts/take_screenshots.sh keeps a picture of the dock for the README.
    if (const QString shots = qEnvironmentVariable("WAKE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        type(QStringLiteral("From"), QString());
        type(QStringLiteral("To"), QString());
        feature().dock()->setFloating(true);
        feature().dock()->resize(1400, 420);
        QCoreApplication::processEvents();
        feature().dock()->grab().save(shots + QStringLiteral("/wake-all-events.png"));
        type(QStringLiteral("From"), QStringLiteral("2013-07-15"));
        type(QStringLiteral("To"), QStringLiteral("2013-12-31T23:59Z"));
    }
    const QString csv = m_dir.filePath(QStringLiteral("events.csv"));
    ASSERT_TRUE(feature().exportCsv(csv));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), after + 1);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("event_id,start_utc")));
    EXPECT_TRUE(lines.join(QLatin1Char('\n')).contains(QStringLiteral(",seizure,")));
    for (int i = 1; i < lines.size(); ++i) {
        EXPECT_TRUE(lines[i].contains(QStringLiteral(",yes,"))) << lines[i].toStdString();
    }
}

// A review made in the window is kept in the store under the event's key,
// with who made it, and read back as the event's state.
TEST_F(FleetEvents, AReviewMadeInTheWindowIsKeptWithItsAuthor)
{
    qputenv("WAKE_AUTHOR", "desk 3");
    const auto selection = m_window->selection().current();
    ASSERT_TRUE(selection);
    const auto seizure =
        std::find_if(selection->events().begin(), selection->events().end(),
                     [](const model::Event& e) { return e.kind == model::EventKind::Seizure; });
    ASSERT_NE(seizure, selection->events().end());
    EXPECT_EQ(m_window->events().review(seizure->id), investigate::ReviewState::Unreviewed);
    ASSERT_TRUE(m_window->events().setReview(seizure->id, investigate::ReviewState::Confirmed));
    EXPECT_EQ(m_window->events().review(seizure->id), investigate::ReviewState::Confirmed);
    auto reviews = m_window->session().db().eventReviews();
    ASSERT_TRUE(reviews);
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ(reviews->front().eventKey, investigate::eventKey(*seizure));
    EXPECT_EQ(reviews->front().author, QStringLiteral("desk 3"));
    ASSERT_TRUE(m_window->events().setReview(seizure->id, investigate::ReviewState::Unreviewed));
    EXPECT_TRUE(m_window->session().db().eventReviews()->empty());
    qunsetenv("WAKE_AUTHOR");
}

// Clicking a port lists its calls: Puerto Padre's reported call, and none at
// a port the ship never called at.
TEST_F(FleetEvents, APortClickedListsItsCalls)
{
    auto* padre = feature().showPortCalls(QStringLiteral("Puerto Padre"), {});
    ASSERT_NE(padre, nullptr);
    EXPECT_EQ(padre->rows(), 1);
    auto* table = padre->findChild<QTableWidget*>(QStringLiteral("portCallsTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("24 Jun 2013"));
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("5 Jul 2013"));
    EXPECT_EQ(table->item(0, 4)->text(), QStringLiteral("reported"));
    padre->close();
    auto* tampa = feature().showPortCalls(QStringLiteral("Tampa"), QStringLiteral("USTPA"));
    ASSERT_NE(tampa, nullptr);
    EXPECT_EQ(tampa->rows(), 0);
    tampa->close();
}

// A note made in the window is kept in the case file on the event and
// shown in the vessel's details.
TEST_F(FleetEvents, ANoteMadeInTheWindowIsKeptAndShownInTheDetails)
{
    qputenv("WAKE_AUTHOR", "desk 3");
    const auto selection = m_window->selection().current();
    ASSERT_TRUE(selection);
    const model::Event& first = selection->events().front();
    ASSERT_TRUE(m_window->events().addNote(first.id, QStringLiteral("Check the shipyard records")));
    auto notes = m_window->session().db().caseNotes(selection->vessel.id);
    ASSERT_TRUE(notes);
    ASSERT_EQ(notes->size(), 1u);
    EXPECT_EQ(notes->front().eventKey, investigate::eventKey(first));
    EXPECT_EQ(notes->front().author, QStringLiteral("desk 3"));
    auto* details = part<QTextBrowser>(*m_window, "detailsView");
    EXPECT_TRUE(waitFor([&] {
        return details->toPlainText().contains(QStringLiteral("Check the shipyard records"));
    }));
    EXPECT_TRUE(details->toPlainText().contains(QStringLiteral("Case notes")));
    qunsetenv("WAKE_AUTHOR");
}

TEST_F(FleetEvents, AnAreaDrawnOnTheMapIsKeptOutlinedAndFiltersByItsName)
{
    m_window->show();
    feature().dock()->show();
    feature().reload();
    // Drawn as the map widget hands it over: a box round Colón, unnamed.
    const geo::Area drawn = geo::Area::box({9.2, -80.0}, {9.45, -79.8});
    ASSERT_TRUE(m_window->areas().keep(drawn, QStringLiteral("Colón approach")));
    auto kept = m_window->session().db().areas();
    ASSERT_TRUE(kept);
    ASSERT_EQ(kept->size(), 1u);
    EXPECT_EQ(kept->front().name(), QStringLiteral("Colón approach"));
    EXPECT_TRUE(kept->front().contains({9.3, -79.9}));
    // Outlined on the map at once, the selected vessel's track still there.
    const auto& scene = m_window->map()->renderer().scene();
    ASSERT_EQ(scene.areas.size(), 1u);
    EXPECT_EQ(scene.areas.front().name(), QStringLiteral("Colón approach"));
    EXPECT_FALSE(scene.tracks.empty());
    // The events table takes it by its name: the same rows as its corners.
    type(QStringLiteral("Area"), QStringLiteral("9.2,-80.0,9.45,-79.8"));
    const int byCorners = feature().shownRows();
    type(QStringLiteral("Area"), QStringLiteral("Colón approach"));
    EXPECT_EQ(feature().shownRows(), byCorners);
    EXPECT_GE(byCorners, 3);
    // Removed: gone from the store and the map.
    ASSERT_TRUE(m_window->areas().remove(QStringLiteral("Colón approach")));
    EXPECT_TRUE(m_window->session().db().areas()->empty());
    EXPECT_TRUE(m_window->map()->renderer().scene().areas.empty());
}
