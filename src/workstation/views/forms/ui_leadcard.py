# Generated from ui/leadcard.ui by tools/build_forms.py (pyside6-uic). Do not edit:
# change the .ui file in Qt Designer and run `make forms`.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateTimeEdit,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_LeadCardForm(object):
    def setupUi(self, LeadCardForm):
        if not LeadCardForm.objectName():
            LeadCardForm.setObjectName(u"LeadCardForm")
        LeadCardForm.resize(860, 640)
        self.mainLayout = QVBoxLayout(LeadCardForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.companyEdit = QLineEdit(LeadCardForm)
        self.companyEdit.setObjectName(u"companyEdit")

        self.mainLayout.addWidget(self.companyEdit)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.categoryLabel = QLabel(LeadCardForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryEdit = QLineEdit(LeadCardForm)
        self.categoryEdit.setObjectName(u"categoryEdit")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categoryEdit)

        self.addressLabel = QLabel(LeadCardForm)
        self.addressLabel.setObjectName(u"addressLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(LeadCardForm)
        self.addressEdit.setObjectName(u"addressEdit")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.siteLabel = QLabel(LeadCardForm)
        self.siteLabel.setObjectName(u"siteLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.siteLabel)

        self.siteEdit = QLineEdit(LeadCardForm)
        self.siteEdit.setObjectName(u"siteEdit")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.siteEdit)

        self.sourceLabel = QLabel(LeadCardForm)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(LeadCardForm)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sourceEdit)


        self.columnsLayout.addLayout(self.leftForm)

        self.middleForm = QFormLayout()
        self.middleForm.setObjectName(u"middleForm")
        self.topicLabel = QLabel(LeadCardForm)
        self.topicLabel.setObjectName(u"topicLabel")

        self.middleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(LeadCardForm)
        self.topicEdit.setObjectName(u"topicEdit")

        self.middleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.productLabel = QLabel(LeadCardForm)
        self.productLabel.setObjectName(u"productLabel")

        self.middleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.productLabel)

        self.productEdit = QLineEdit(LeadCardForm)
        self.productEdit.setObjectName(u"productEdit")

        self.middleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.productEdit)

        self.projectLabel = QLabel(LeadCardForm)
        self.projectLabel.setObjectName(u"projectLabel")

        self.middleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.projectLabel)

        self.projectEdit = QLineEdit(LeadCardForm)
        self.projectEdit.setObjectName(u"projectEdit")

        self.middleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.projectEdit)


        self.columnsLayout.addLayout(self.middleForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.typeLabel = QLabel(LeadCardForm)
        self.typeLabel.setObjectName(u"typeLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(LeadCardForm)
        self.typeCombo.setObjectName(u"typeCombo")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.stageLabel = QLabel(LeadCardForm)
        self.stageLabel.setObjectName(u"stageLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(LeadCardForm)
        self.stageCombo.setObjectName(u"stageCombo")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.ownerLabel = QLabel(LeadCardForm)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(LeadCardForm)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.nextContactCheck = QCheckBox(LeadCardForm)
        self.nextContactCheck.setObjectName(u"nextContactCheck")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nextContactCheck)

        self.nextContactEdit = QDateTimeEdit(LeadCardForm)
        self.nextContactEdit.setObjectName(u"nextContactEdit")
        self.nextContactEdit.setEnabled(False)
        self.nextContactEdit.setCalendarPopup(True)

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nextContactEdit)

        self.remindCheck = QCheckBox(LeadCardForm)
        self.remindCheck.setObjectName(u"remindCheck")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.remindCheck)


        self.columnsLayout.addLayout(self.rightForm)


        self.mainLayout.addLayout(self.columnsLayout)

        self.listsLayout = QHBoxLayout()
        self.listsLayout.setObjectName(u"listsLayout")
        self.contactsBox = QGroupBox(LeadCardForm)
        self.contactsBox.setObjectName(u"contactsBox")
        self.contactsLayout = QVBoxLayout(self.contactsBox)
        self.contactsLayout.setObjectName(u"contactsLayout")

        self.listsLayout.addWidget(self.contactsBox)

        self.phonesBox = QGroupBox(LeadCardForm)
        self.phonesBox.setObjectName(u"phonesBox")
        self.phonesLayout = QVBoxLayout(self.phonesBox)
        self.phonesLayout.setObjectName(u"phonesLayout")

        self.listsLayout.addWidget(self.phonesBox)

        self.emailsBox = QGroupBox(LeadCardForm)
        self.emailsBox.setObjectName(u"emailsBox")
        self.emailsLayout = QVBoxLayout(self.emailsBox)
        self.emailsLayout.setObjectName(u"emailsLayout")

        self.listsLayout.addWidget(self.emailsBox)


        self.mainLayout.addLayout(self.listsLayout)

        self.notesLabel = QLabel(LeadCardForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.mainLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(LeadCardForm)
        self.notesEdit.setObjectName(u"notesEdit")

        self.mainLayout.addWidget(self.notesEdit)

        self.errorLabel = QLabel(LeadCardForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.categoryLabel.setBuddy(self.categoryEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.siteLabel.setBuddy(self.siteEdit)
        self.sourceLabel.setBuddy(self.sourceEdit)
        self.topicLabel.setBuddy(self.topicEdit)
        self.productLabel.setBuddy(self.productEdit)
        self.projectLabel.setBuddy(self.projectEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.stageLabel.setBuddy(self.stageCombo)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.companyEdit, self.categoryEdit)
        QWidget.setTabOrder(self.categoryEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.siteEdit)
        QWidget.setTabOrder(self.siteEdit, self.sourceEdit)
        QWidget.setTabOrder(self.sourceEdit, self.topicEdit)
        QWidget.setTabOrder(self.topicEdit, self.productEdit)
        QWidget.setTabOrder(self.productEdit, self.projectEdit)
        QWidget.setTabOrder(self.projectEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.stageCombo)
        QWidget.setTabOrder(self.stageCombo, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.nextContactCheck)
        QWidget.setTabOrder(self.nextContactCheck, self.nextContactEdit)
        QWidget.setTabOrder(self.nextContactEdit, self.remindCheck)
        QWidget.setTabOrder(self.remindCheck, self.notesEdit)

        self.retranslateUi(LeadCardForm)
        self.nextContactCheck.toggled.connect(self.nextContactEdit.setEnabled)

        QMetaObject.connectSlotsByName(LeadCardForm)
    # setupUi

    def retranslateUi(self, LeadCardForm):
        LeadCardForm.setWindowTitle(QCoreApplication.translate("LeadCardForm", u"Lead card", None))
        self.companyEdit.setPlaceholderText(QCoreApplication.translate("LeadCardForm", u"Company (counterparty)", None))
        self.categoryLabel.setText(QCoreApplication.translate("LeadCardForm", u"Category", None))
        self.addressLabel.setText(QCoreApplication.translate("LeadCardForm", u"Address", None))
        self.siteLabel.setText(QCoreApplication.translate("LeadCardForm", u"Site", None))
        self.sourceLabel.setText(QCoreApplication.translate("LeadCardForm", u"Source", None))
#if QT_CONFIG(tooltip)
        self.sourceEdit.setToolTip(QCoreApplication.translate("LeadCardForm", u"Marketing event or campaign the lead came from", None))
#endif // QT_CONFIG(tooltip)
        self.topicLabel.setText(QCoreApplication.translate("LeadCardForm", u"Topic", None))
#if QT_CONFIG(tooltip)
        self.topicEdit.setToolTip(QCoreApplication.translate("LeadCardForm", u"Sales direction; decides the funnel", None))
#endif // QT_CONFIG(tooltip)
        self.productLabel.setText(QCoreApplication.translate("LeadCardForm", u"Product", None))
        self.projectLabel.setText(QCoreApplication.translate("LeadCardForm", u"Project", None))
        self.typeLabel.setText(QCoreApplication.translate("LeadCardForm", u"Lead type", None))
        self.stageLabel.setText(QCoreApplication.translate("LeadCardForm", u"Stage", None))
        self.ownerLabel.setText(QCoreApplication.translate("LeadCardForm", u"Responsible", None))
        self.nextContactCheck.setText(QCoreApplication.translate("LeadCardForm", u"Next contact", None))
        self.remindCheck.setText(QCoreApplication.translate("LeadCardForm", u"Remind me", None))
        self.contactsBox.setTitle(QCoreApplication.translate("LeadCardForm", u"Contact persons", None))
        self.phonesBox.setTitle(QCoreApplication.translate("LeadCardForm", u"Phones", None))
        self.emailsBox.setTitle(QCoreApplication.translate("LeadCardForm", u"E-mails", None))
        self.notesLabel.setText(QCoreApplication.translate("LeadCardForm", u"Notes", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("LeadCardForm", u"What was said, what was agreed", None))
    # retranslateUi

