# Installing Wake and packaging it as a .deb (scripts/package.sh runs cpack):
# the program, its harbour-scale coast data with their licences, the menu
# entry, AppStream metainfo, icons, the man page, copyright and changelog.
include(GNUInstallDirs)

set(WAKE_APP_ID io.github.wakemaritime.Wake)
set(WAKE_PACKAGING ${PROJECT_SOURCE_DIR}/resources/packaging)

install(TARGETS wake RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Found at run time as ../share/wake next to the program (geo/coast_tiles.cpp).
install(FILES
    ${PROJECT_SOURCE_DIR}/resources/coast/gshhg-2.3.7-full.wkcoast
    ${PROJECT_SOURCE_DIR}/resources/coast/osm-harbour-patches.json
    ${PROJECT_SOURCE_DIR}/resources/coast/LICENSE-GSHHG-LGPL-3.0.txt
    ${PROJECT_SOURCE_DIR}/resources/coast/LICENSE-GPL-3.0-referenced-by-LGPL.txt
    ${PROJECT_SOURCE_DIR}/resources/coast/LICENSE-OSM-ODbL.txt
    ${PROJECT_SOURCE_DIR}/resources/coast/LICENSE-geo-maps-packaging-MIT.txt
    ${PROJECT_SOURCE_DIR}/resources/coast/README-GSHHG-2.3.7.txt
    DESTINATION ${CMAKE_INSTALL_DATADIR}/wake)
install(FILES ${WAKE_PACKAGING}/${WAKE_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${WAKE_PACKAGING}/${WAKE_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${WAKE_PACKAGING}/icons/${WAKE_APP_ID}.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 48 128 256)
    install(FILES ${WAKE_PACKAGING}/icons/wake-${size}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
        RENAME ${WAKE_APP_ID}.png)
endforeach()

# Compressed without a time stamp (-n), as Debian wants, so builds repeat.
set(WAKE_GZIPPED)
foreach(doc wake.1 changelog)
    add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/packaging/${doc}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
        COMMAND gzip -9n -c ${WAKE_PACKAGING}/${doc} > ${CMAKE_BINARY_DIR}/packaging/${doc}.gz
        DEPENDS ${WAKE_PACKAGING}/${doc}
        VERBATIM)
    list(APPEND WAKE_GZIPPED ${CMAKE_BINARY_DIR}/packaging/${doc}.gz)
endforeach()
add_custom_target(wake_packaging_docs ALL DEPENDS ${WAKE_GZIPPED})
install(FILES ${CMAKE_BINARY_DIR}/packaging/wake.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz ${WAKE_PACKAGING}/copyright
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/wake) # the package's name, not the project's

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wake)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Wake developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "track ships and replay their voyages on a map")
# The synopsis is the summary above; this is the long description after it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Wake finds voyages and events in the AIS data you bring: port visits, dark
periods, meetings at sea and identity changes. It tracks ships live from
receivers and feeds, draws harbours down to the quay and exports tracks to
GPX, KML, GeoJSON and CSV and replays to video.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The Wake developers <wake@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins, so dpkg-shlibdeps cannot see them: the window system
# and the SVG image reader (flags, the icon).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# Videos are encoded by the ffmpeg program (never linked: Debian's libavcodec is GPL).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS ffmpeg)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
