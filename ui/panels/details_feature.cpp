#include "ui/panels/details_feature.h"

#include "ui/panels/vessel_details_html.h"
#include "ui/replay/replay_feature.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"

#include <QDesktopServices>
#include <QDockWidget>
#include <QMainWindow>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>

namespace wake::ui {

DetailsFeature::DetailsFeature(Shell& shell, ReplayFeature& replay)
    : QObject(shell.window()), m_shell(shell)
{
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("detailsView"));
    m_view->setAccessibleName(tr("Vessel details"));
    m_view->setAccessibleDescription(
        tr("The selected vessel's identity, facts and voyages, each value with its sources"));
    m_view->setOpenExternalLinks(false);
    m_view->setOpenLinks(false);
    // voyage:N replays that voyage; the others are sources for the browser.
    connect(m_view, &QTextBrowser::anchorClicked, this, [&replay](const QUrl& url) {
        if (url.scheme() == QLatin1String("voyage")) {
            replay.playVoyage(url.path().toInt());
        } else {
            QDesktopServices::openUrl(url);
        }
    });
    auto* dock = new QDockWidget(tr("Vessel details"), shell.window());
    dock->setObjectName(QStringLiteral("detailsDock"));
    dock->setWidget(m_view);
    shell.addDock(dock, Qt::RightDockWidgetArea);
    follow(shell.selection(), this, *this);
}

void DetailsFeature::show(const VesselSelection& s)
{
    m_view->setHtml(vesselDetailsHtml(s.vessel, s.sources, m_shell.session().flags(), s.sharing,
                                      s.listMatches, s.sameHull) +
                    caseNotesHtml(s.notes) + behaviourHtml(s.behaviour) +
                    voyagesTableHtml(s.voyages));
}

void DetailsFeature::clear()
{
    m_view->setHtml(m_shell.selection().id()
                        ? tr("<p>This vessel is not in the open database.</p>")
                        : tr("<p>No vessel is selected. Choose one in the vessel list (Ctrl+F "
                             "finds one by name, MMSI or IMO) or click a ship on the map.</p>"));
}

void DetailsFeature::showLiveIdentity(const model::Vessel& vessel)
{
    const auto current = m_shell.selection().current();
    if (!current || current->vessel.id != vessel.id) {
        return;
    }
    const int scroll = m_view->verticalScrollBar()->value();
    m_view->setHtml(vesselDetailsHtml(vessel, current->sources, m_shell.session().flags(),
                                      current->sharing, current->listMatches, current->sameHull) +
                    caseNotesHtml(current->notes) + behaviourHtml(current->behaviour) +
                    voyagesTableHtml(current->voyages));
    m_view->verticalScrollBar()->setValue(scroll);
}

} // namespace wake::ui
