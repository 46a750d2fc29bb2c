@echo off
rem Runs the wsguard command line. Builds cli\target\wsguard.jar with the Maven wrapper on first use, and again
rem whenever a pom.xml or a file under a module's src\main is newer than the jar. Build output is shown only when
rem the build fails. The JVM is %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on the PATH; JAVA_OPTS is
rem passed to it. Start-up: the client compiler alone, as ./wsguard chooses by measurement, and on JDK 19 and later
rem a dynamic AppCDS archive of wsguard's classes that the JVM itself creates when the run ends and recreates when
rem the jar or the JDK changes (-XX:+AutoCreateSharedArchive), under %LOCALAPPDATA%\wsguard\cds. JDK 17 and 18
rem do not know that option; -XX:+IgnoreUnrecognizedVMOptions lets them start as usual. WSGUARD_AOT=0 turns the
rem archive off.
setlocal
set "REPO=%~dp0"
set "JAR=%REPO%cli\target\wsguard.jar"

if not exist "%JAR%" goto build
rem PowerShell exits 1 when something is newer than the jar; if it cannot run at all, building is the safe side
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc; $repo = $env:REPO.TrimEnd('\'); $files = @(Get-ChildItem -LiteralPath $repo -Filter pom.xml -Recurse -Depth 1 -File) + @(Get-ChildItem -Path (Join-Path $repo '*\src\main') -Recurse -File -ErrorAction SilentlyContinue); if (@($files | Where-Object { $_.LastWriteTimeUtc -gt $jar }).Count -gt 0) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run

:build
set "BUILD_LOG=%TEMP%\wsguard-build-%RANDOM%.log"
pushd "%REPO%"
call mvnw.cmd -q -B -DskipTests -pl cli -am package > "%BUILD_LOG%" 2>&1
set "BUILD_STATUS=%ERRORLEVEL%"
popd
if "%BUILD_STATUS%"=="0" goto built
type "%BUILD_LOG%" 1>&2
del "%BUILD_LOG%" >nul 2>&1
echo wsguard: building the command line failed (output above) 1>&2
exit /b 2

:built
del "%BUILD_LOG%" >nul 2>&1

:run
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
set "CDS_OPTS="
if "%WSGUARD_AOT%"=="0" goto launch
if not defined LOCALAPPDATA goto launch
if not exist "%LOCALAPPDATA%\wsguard\cds" mkdir "%LOCALAPPDATA%\wsguard\cds" >nul 2>&1
if exist "%LOCALAPPDATA%\wsguard\cds" set "CDS_OPTS=-XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=%LOCALAPPDATA%\wsguard\cds\wsguard.jsa -Xlog:cds*=off"

:launch
"%JAVA_EXE%" %CDS_OPTS% -XX:TieredStopAtLevel=1 %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
