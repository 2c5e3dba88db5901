#pragma once

// Reaching into the window from a test: its widgets by object name (the
// window keeps no accessors for tests), and waiting for the selection,
// which is read off the GUI thread.

#include "tests/ui/test_application.h"
#include "ui/analysis/analysis_feature.h"
#include "ui/import/files_feature.h"
#include "ui/live/live_feature.h"
#include "ui/mainwindow.h"
#include "ui/panels/details_feature.h"
#include "ui/panels/vessels_feature.h"
#include "ui/replay/events_feature.h"
#include "ui/replay/replay_feature.h"
#include "ui/share/share_feature.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/session.h"
#include "ui/shell/view_menu.h"

#include <QDateTime>
#include <QObject>

#include <gtest/gtest.h>

namespace wake::test {

// An ISO 8601 time as UTC milliseconds.
inline std::int64_t utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

template <typename T>
T* part(QObject& window, const char* name)
{
    T* found = window.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << "no " << name << " in the window";
    return found;
}

// Until what was chosen last has been read and shown.
inline bool waitForSelection(ui::MainWindow& window, int timeoutMs = 30000)
{
    return waitFor([&] { return !window.selection().isReading(); }, timeoutMs);
}

inline bool selectAndWait(ui::MainWindow& window, model::VesselId id)
{
    window.selection().select(id);
    return waitForSelection(window);
}

} // namespace wake::test
