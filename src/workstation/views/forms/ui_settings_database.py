# Generated from ui/settings_database.ui by tools/build_forms.py (pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

class Ui_DatabasePageForm(object):
    def setupUi(self, DatabasePageForm):
        if not DatabasePageForm.objectName():
            DatabasePageForm.setObjectName(u"DatabasePageForm")
        DatabasePageForm.resize(520, 320)
        self.form = QFormLayout(DatabasePageForm)
        self.form.setObjectName(u"form")
        self.urlLabel = QLabel(DatabasePageForm)
        self.urlLabel.setObjectName(u"urlLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(DatabasePageForm)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setPlaceholderText(u"postgresql://user@db.example.com:5432/sales")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.passwordLabel = QLabel(DatabasePageForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(DatabasePageForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.urlHelp = QLabel(DatabasePageForm)
        self.urlHelp.setObjectName(u"urlHelp")
        self.urlHelp.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.urlHelp)

        self.passwordNotice = QLabel(DatabasePageForm)
        self.passwordNotice.setObjectName(u"passwordNotice")
        self.passwordNotice.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.passwordNotice)

#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DatabasePageForm)

        QMetaObject.connectSlotsByName(DatabasePageForm)
    # setupUi

    def retranslateUi(self, DatabasePageForm):
        DatabasePageForm.setWindowTitle(QCoreApplication.translate("DatabasePageForm", u"Shared database", None))
        self.urlLabel.setText(QCoreApplication.translate("DatabasePageForm", u"Shared database URL", None))
        self.passwordLabel.setText(QCoreApplication.translate("DatabasePageForm", u"Password", None))
        self.urlHelp.setText(QCoreApplication.translate("DatabasePageForm", u"Leave empty to work alone on this computer. Write the URL without the password: the password is kept in the system keyring.", None))
        self.passwordNotice.setText("")
    # retranslateUi

