#pragma once

// A main window on the built-in scenario in a database of the test's own,
// with settings kept in the test's folder: the fixture of the window tests.

#include "core/scenario/scenario_installer.h"
#include "tests/ui/test_application.h"
#include "tests/ui/window_parts.h"
#include "ui/mainwindow.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace wake::test {

class ScenarioWindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { ensureApplication(); }
    void SetUp() override
    {
        useSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        auto db = scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("ui.sqlite")));
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        m_window = std::make_unique<ui::MainWindow>(std::move(db).value());
        // The first vessel is read off the GUI thread.
        ASSERT_TRUE(waitForSelection(*m_window));
    }
    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace wake::test
