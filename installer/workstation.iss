; Inno Setup script for Windows: builds on the PyInstaller output in dist\workstation.
[Setup]
AppName=Workstation
AppVersion=0.1.0
DefaultDirName={autopf}\Workstation
DefaultGroupName=Workstation
OutputBaseFilename=workstation-setup
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Files]
Source: "..\dist\workstation\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\Workstation"; Filename: "{app}\workstation.exe"
