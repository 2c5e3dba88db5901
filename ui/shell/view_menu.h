#pragma once

// The View menu: framing what is replayed, the map's layers and online
// maps, the theme and the docks (each feature's dock lists its toggle
// here when the window places it).

#include <QObject>
#include <QString>

namespace wake::ui {

class ReplayFeature;
class Shell;

class ViewMenu : public QObject
{
    Q_OBJECT
public:
    ViewMenu(Shell& shell, ReplayFeature& replay);

    // "system", "light" or "dark"; saved for the next start.
    void setTheme(const QString& theme);
    // 1.0 is the system's size; saved for the next start.
    void setTextScale(double scale);
    static constexpr double kTextScales[] = {0.9, 1.0, 1.25, 1.5, 2.0};

private:
    void addLayers();
    void addOnlineMaps();
    void addTheme();
    void addTextSize();

    Shell& m_shell;
};

} // namespace wake::ui
