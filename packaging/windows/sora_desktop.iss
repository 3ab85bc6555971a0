; Inno Setup script for Sora Desktop (Windows installer).
;
; Built by the release workflow after packaging/build.py has produced dist\sora-desktop\:
;   iscc /DAppVersion=0.1.0 packaging\windows\sora_desktop.iss
; AppVersion comes from sora_desktop/__init__.py (the workflow reads it; nothing is typed
; twice). SourceDir may be overridden with /DSourceDir=<folder of the one-folder bundle>.
;
; Installs per user by default (no administrator rights; %LOCALAPPDATA%\Programs), or for
; all users when chosen in the dialog or with /ALLUSERS. The uninstaller removes the program,
; never the library (videos, settings): docs/install.md says how to remove those too.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z sora_desktop.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\sora-desktop"
#endif
#define AppName "Sora Desktop"
#define AppExe "sora-desktop.exe"
#define AppPublisher "Sora Desktop contributors"

[Setup]
AppId={{72C914E1-414A-47DD-AF59-2CB7E6350AE2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=SoraDesktop-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; files the app may write next to itself (none by design); the user's library is kept
Type: filesandordirs; Name: "{app}\__pycache__"
