; Inno Setup script of the intake station for Windows front desks.
; build.ps1 builds the PyInstaller bundle first, then runs:
;   iscc /DAppVersion=<version> /DSourceDir=<bundle folder> /DIconFile=<intake.ico> /DOutputDir=<folder> intake.iss

#ifndef AppVersion
  #error Pass the version from app.__version__: iscc /DAppVersion=x.y.z intake.iss (build.ps1 does)
#endif
#ifndef SourceDir
  #define SourceDir "..\out\dist\intake"
#endif
#ifndef IconFile
  #define IconFile "..\out\icons\intake.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\out"
#endif

#define AppName "Intake"
#define AppExe "intake.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{91060907-650A-4007-9D29-EE26E83E57A0}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Intake station maintainers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine by default (every clerk's account on the front-desk PC); an admin may choose.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=intake-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: intake.exe (the window), intake-cli.exe (the command line), _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; An example of the organisation's managed settings, for IT to copy to %ProgramData%\intake\managed.toml.
Source: "{#SourceDir}\..\..\..\managed\managed.toml.example"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; An upgrade replaces the bundle's libraries; stale ones from an older Qt must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} demo (sandbox)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

; The uninstaller removes the program only. Drafts, the outbox and the configuration live in the
; user's profile and are kept: they may hold intakes not yet sent.

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
