# Generated from ui/settings_sip.ui by tools/build_forms.py (pyside6-uic). Do not edit:
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

class Ui_SipPageForm(object):
    def setupUi(self, SipPageForm):
        if not SipPageForm.objectName():
            SipPageForm.setObjectName(u"SipPageForm")
        SipPageForm.resize(520, 320)
        self.form = QFormLayout(SipPageForm)
        self.form.setObjectName(u"form")
        self.usernameLabel = QLabel(SipPageForm)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(SipPageForm)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setPlaceholderText(u"1001")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.domainLabel = QLabel(SipPageForm)
        self.domainLabel.setObjectName(u"domainLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.domainLabel)

        self.domainEdit = QLineEdit(SipPageForm)
        self.domainEdit.setObjectName(u"domainEdit")
        self.domainEdit.setPlaceholderText(u"pbx.example.com:5060")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.domainEdit)

        self.proxyLabel = QLabel(SipPageForm)
        self.proxyLabel.setObjectName(u"proxyLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.proxyLabel)

        self.proxyEdit = QLineEdit(SipPageForm)
        self.proxyEdit.setObjectName(u"proxyEdit")
        self.proxyEdit.setPlaceholderText(u"sip:proxy.example.com;lr")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.proxyEdit)

        self.transportLabel = QLabel(SipPageForm)
        self.transportLabel.setObjectName(u"transportLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.transportLabel)

        self.transportCombo = QComboBox(SipPageForm)
        self.transportCombo.setObjectName(u"transportCombo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.transportCombo)

        self.passwordLabel = QLabel(SipPageForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(SipPageForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordNotice = QLabel(SipPageForm)
        self.passwordNotice.setObjectName(u"passwordNotice")
        self.passwordNotice.setWordWrap(True)
        self.passwordNotice.setStyleSheet(u"color: palette(mid);")

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.passwordNotice)

        self.srtpLabel = QLabel(SipPageForm)
        self.srtpLabel.setObjectName(u"srtpLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.srtpLabel)

        self.srtpCombo = QComboBox(SipPageForm)
        self.srtpCombo.setObjectName(u"srtpCombo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.srtpCombo)

        self.caFileLabel = QLabel(SipPageForm)
        self.caFileLabel.setObjectName(u"caFileLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.caFileLabel)

        self.caFileEdit = QLineEdit(SipPageForm)
        self.caFileEdit.setObjectName(u"caFileEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.caFileEdit)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.domainLabel.setBuddy(self.domainEdit)
        self.proxyLabel.setBuddy(self.proxyEdit)
        self.transportLabel.setBuddy(self.transportCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.srtpLabel.setBuddy(self.srtpCombo)
        self.caFileLabel.setBuddy(self.caFileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SipPageForm)

        QMetaObject.connectSlotsByName(SipPageForm)
    # setupUi

    def retranslateUi(self, SipPageForm):
        SipPageForm.setWindowTitle(QCoreApplication.translate("SipPageForm", u"SIP account", None))
        self.usernameLabel.setText(QCoreApplication.translate("SipPageForm", u"User name", None))
        self.domainLabel.setText(QCoreApplication.translate("SipPageForm", u"Domain (registrar)", None))
        self.proxyLabel.setText(QCoreApplication.translate("SipPageForm", u"Outbound proxy", None))
        self.transportLabel.setText(QCoreApplication.translate("SipPageForm", u"Transport", None))
        self.passwordLabel.setText(QCoreApplication.translate("SipPageForm", u"Password", None))
        self.passwordNotice.setText("")
        self.srtpLabel.setText(QCoreApplication.translate("SipPageForm", u"Call audio encryption (SRTP)", None))
        self.caFileLabel.setText(QCoreApplication.translate("SipPageForm", u"TLS CA file", None))
        self.caFileEdit.setPlaceholderText(QCoreApplication.translate("SipPageForm", u"Empty: the system's trusted CAs", None))
#if QT_CONFIG(tooltip)
        self.caFileEdit.setToolTip(QCoreApplication.translate("SipPageForm", u"PEM file of the CA that signed the PBX's TLS certificate", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

