# Generated from ui/settings_general.ui by tools/build_forms.py (pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_GeneralPageForm(object):
    def setupUi(self, GeneralPageForm):
        if not GeneralPageForm.objectName():
            GeneralPageForm.setObjectName(u"GeneralPageForm")
        GeneralPageForm.resize(520, 320)
        self.form = QFormLayout(GeneralPageForm)
        self.form.setObjectName(u"form")
        self.languageLabel = QLabel(GeneralPageForm)
        self.languageLabel.setObjectName(u"languageLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(GeneralPageForm)
        self.languageCombo.setObjectName(u"languageCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.regionLabel = QLabel(GeneralPageForm)
        self.regionLabel.setObjectName(u"regionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionCombo = QComboBox(GeneralPageForm)
        self.regionCombo.setObjectName(u"regionCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.regionCombo)

        self.audioInputLabel = QLabel(GeneralPageForm)
        self.audioInputLabel.setObjectName(u"audioInputLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.audioInputLabel)

        self.audioInputEdit = QLineEdit(GeneralPageForm)
        self.audioInputEdit.setObjectName(u"audioInputEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.audioInputEdit)

        self.audioOutputLabel = QLabel(GeneralPageForm)
        self.audioOutputLabel.setObjectName(u"audioOutputLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.audioOutputLabel)

        self.audioOutputEdit = QLineEdit(GeneralPageForm)
        self.audioOutputEdit.setObjectName(u"audioOutputEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.audioOutputEdit)

        self.audioRingLabel = QLabel(GeneralPageForm)
        self.audioRingLabel.setObjectName(u"audioRingLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.audioRingLabel)

        self.audioRingEdit = QLineEdit(GeneralPageForm)
        self.audioRingEdit.setObjectName(u"audioRingEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.audioRingEdit)

        self.languageNotice = QLabel(GeneralPageForm)
        self.languageNotice.setObjectName(u"languageNotice")
        self.languageNotice.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.languageNotice)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.regionLabel.setBuddy(self.regionCombo)
        self.audioInputLabel.setBuddy(self.audioInputEdit)
        self.audioOutputLabel.setBuddy(self.audioOutputEdit)
        self.audioRingLabel.setBuddy(self.audioRingEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(GeneralPageForm)

        QMetaObject.connectSlotsByName(GeneralPageForm)
    # setupUi

    def retranslateUi(self, GeneralPageForm):
        GeneralPageForm.setWindowTitle(QCoreApplication.translate("GeneralPageForm", u"General", None))
        self.languageLabel.setText(QCoreApplication.translate("GeneralPageForm", u"Language", None))
        self.regionLabel.setText(QCoreApplication.translate("GeneralPageForm", u"Default phone region", None))
#if QT_CONFIG(tooltip)
        self.regionCombo.setToolTip(QCoreApplication.translate("GeneralPageForm", u"Country of numbers written without a country code", None))
#endif // QT_CONFIG(tooltip)
        self.audioInputLabel.setText(QCoreApplication.translate("GeneralPageForm", u"Microphone", None))
        self.audioInputEdit.setPlaceholderText(QCoreApplication.translate("GeneralPageForm", u"System default", None))
        self.audioOutputLabel.setText(QCoreApplication.translate("GeneralPageForm", u"Speaker", None))
        self.audioOutputEdit.setPlaceholderText(QCoreApplication.translate("GeneralPageForm", u"System default", None))
        self.audioRingLabel.setText(QCoreApplication.translate("GeneralPageForm", u"Ring device", None))
        self.audioRingEdit.setPlaceholderText(QCoreApplication.translate("GeneralPageForm", u"Same as the speaker", None))
        self.languageNotice.setText("")
    # retranslateUi

