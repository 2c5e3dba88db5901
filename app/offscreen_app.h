#pragma once

// The application of a command that draws without a display (render,
// report): Qt's offscreen platform unless one is chosen, and for --help no
// platform at all (starting one only to print text made Qt warn about its
// runtime folder before the help).

#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <optional>

namespace wake::app {

class OffscreenCommandApp
{
public:
    // argv[1] is the command's name; arguments() is argv as the command
    // parses it, argv[0] "wake <name>".
    OffscreenCommandApp(int& argc, char** argv, const QString& name)
    {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        const bool helpOnly = std::any_of(argv + 1, argv + argc, [](const char* a) {
            return std::strcmp(a, "-h") == 0 || std::strcmp(a, "--help") == 0 ||
                   std::strcmp(a, "--help-all") == 0;
        });
        if (helpOnly) {
            m_helpApp.emplace(argc, argv);
        } else {
            m_app.emplace(argc, argv);
        }
        m_arguments = QCoreApplication::arguments();
        m_arguments.removeAt(1);
        m_arguments[0] = QStringLiteral("wake ") + name;
    }
    const QStringList& arguments() const { return m_arguments; }

private:
    std::optional<QCoreApplication> m_helpApp;
    std::optional<QGuiApplication> m_app;
    QStringList m_arguments;
};

} // namespace wake::app
