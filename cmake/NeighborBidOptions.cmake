# One INTERFACE target carries the language standard, the warnings and the Qt strictness
# defines; every NeighborBid target links it instead of repeating flags.
add_library(neighborbid_options INTERFACE)
add_library(NeighborBid::options ALIAS neighborbid_options)

target_compile_features(neighborbid_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(neighborbid_options INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2>
    $<$<CXX_COMPILER_ID:MSVC>:/W4 /permissive- /utf-8>)
if(NEIGHBORBID_WERROR)
    target_compile_options(neighborbid_options INTERFACE
        $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Werror>
        $<$<CXX_COMPILER_ID:MSVC>:/WX>)
endif()

# Qt strictness: no silent narrowing in connect(), no QString -> char* casts, no Q_FOREACH.
# Implicit const char* -> QString stays allowed: Qt 6 reads it as UTF-8, which is what our
# sources are, and QStringLiteral noise everywhere would hide more than it protects.
target_compile_definitions(neighborbid_options INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    PQXX_HAVE_OPTIONAL
    NEIGHBORBID_VERSION="${PROJECT_VERSION}")
