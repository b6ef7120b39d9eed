<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../src/workstation/views/actions.py" line="+42" />
            <source>&amp;Import leads…</source>
            <translation>&amp;Імпорт лідів…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import a lead base from a CSV or XLSX file</source>
            <translation>Імпортувати базу лідів із файлу CSV або XLSX</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export leads…</source>
            <translation>&amp;Експорт лідів…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export the processed base to a CSV file</source>
            <translation>Експортувати оброблену базу у файл CSV</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Settings…</source>
            <translation>&amp;Налаштування…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP account, shared database, language</source>
            <translation>SIP-акаунт, спільна база даних, мова</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>&amp;Вихід</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;New lead</source>
            <translation>&amp;Новий лід</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open an empty lead card</source>
            <translation>Відкрити порожню картку ліда</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open lead card</source>
            <translation>&amp;Відкрити картку ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the selected lead's card</source>
            <translation>Відкрити картку вибраного ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Find…</source>
            <translation>&amp;Знайти…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search leads by phone or name</source>
            <translation>Шукати лідів за телефоном або назвою</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Refresh</source>
            <translation>&amp;Оновити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the lead list again</source>
            <translation>Перечитати список лідів</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;About workstation</source>
            <translation>&amp;Про програму</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;View</source>
            <translation>&amp;Вигляд</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>&amp;Довідка</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/scripteditor/__init__.py" line="+18" />
            <source>Call &amp;scripts…</source>
            <translation>&amp;Скрипти дзвінків…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit the call scripts; every save is a new version</source>
            <translation>Редагувати скрипти дзвінків; кожне збереження — нова версія</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/admin/__init__.py" line="+21" />
            <source>&amp;Administration…</source>
            <translation>&amp;Адміністрування…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Users, teams, funnels, reasons, sources, plans</source>
            <translation>Користувачі, команди, воронки, причини, джерела, плани</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/review/__init__.py" line="+37" />
            <source>Call &amp;review settings…</source>
            <translation>Налаштування &amp;оцінювання дзвінків…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard criteria, recording retention, access audit</source>
            <translation>Критерії оцінювання, строк зберігання записів, журнал доступу</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/stats/__init__.py" line="+25" />
            <source>S&amp;tatistics</source>
            <translation>С&amp;татистика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls against the plan, per manager and for the team</source>
            <translation>Дзвінки проти плану: за менеджерами і за командою</translation>
        </message>
    </context>
    <context>
        <name>Admin</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="+35" />
            <source>Effective calls</source>
            <translation>Результативні дзвінки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentations</source>
            <translation>Презентації</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoices</source>
            <translation>Рахунки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warm clients</source>
            <translation>Теплі клієнти</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>Продажі</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a day</source>
            <translation>на день</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a week</source>
            <translation>на тиждень</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a month</source>
            <translation>на місяць</translation>
        </message>
    </context>
    <context>
        <name>AdminDialog</name>
        <message>
            <location line="+550" />
            <source>Administration</source>
            <translation>Адміністрування</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Users</source>
            <translation>Користувачі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Teams</source>
            <translation>Команди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Funnels</source>
            <translation>Воронки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refusal reasons</source>
            <translation>Причини відмови</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead sources</source>
            <translation>Джерела лідів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>KPI plans</source>
            <translation>Плани KPI</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective call</source>
            <translation>Результативний дзвінок</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../src/workstation/app.py" line="+61" />
            <source>SIP password</source>
            <translation>Пароль SIP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password of SIP account %1 (kept for this session only):</source>
            <translation>Пароль SIP-акаунта %1 (зберігається лише до закриття програми):</translation>
        </message>
    </context>
    <context>
        <name>AuditList</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="+269" />
            <source>Filter by login (Enter)</source>
            <translation>Фільтр за логіном (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>When</source>
            <translation>Коли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation>Хто</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action</source>
            <translation>Дія</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Played (s)</source>
            <translation>Прослухано (с)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Recording</source>
            <translation>Запис</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Played</source>
            <translation>Прослухано</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Downloaded</source>
            <translation>Завантажено</translation>
        </message>
    </context>
    <context>
        <name>Board</name>
        <message>
            <location filename="../../src/workstation/views/board/__init__.py" line="+66" />
            <source>Team board</source>
            <translation>Дошка команди</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Occupancy</source>
            <translation>Завантаження</translation>
        </message>
    </context>
    <context>
        <name>BoardModel</name>
        <message>
            <location filename="../../src/workstation/views/board/model.py" line="+31" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>State</source>
            <translation>Стан</translation>
        </message>
        <message>
            <location line="+1" />
            <source>With whom / reason</source>
            <translation>З ким / причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time in state</source>
            <translation>У стані</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls</source>
            <translation>Дзвінки</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Success</source>
            <translation>Успіх</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk time</source>
            <translation>Розмови</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective / plan</source>
            <translation>Результ. / план</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupancy</source>
            <translation>Завантаження</translation>
        </message>
    </context>
    <context>
        <name>BoardView</name>
        <message>
            <location filename="../../src/workstation/views/board/widget.py" line="+129" />
            <source>Shared database unreachable: as of %1</source>
            <translation>Спільна база недоступна: дані на %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Updated %1</source>
            <translation>Оновлено %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Open the lead of this call</source>
            <translation>Відкрити лід цього дзвінка</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Listen / Whisper / Barge</source>
            <translation>Прослухати / Підказати / Втрутитися</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Call monitoring is not installed on this workstation.</source>
            <translation>Контроль дзвінків на цьому робочому місці не встановлено.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Team board: today</source>
            <translation>Дошка команди: сьогодні</translation>
        </message>
    </context>
    <context>
        <name>CallCenter</name>
        <message>
            <location filename="../../src/workstation/views/callcenter/wiring.py" line="+85" />
            <source>Direct IP %1</source>
            <translation>Прямий IP %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No SIP account is set: calls come straight to this address.</source>
            <translation>SIP-акаунт не задано: дзвінки надходять прямо на цю адресу.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Leads</source>
            <translation>Ліди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>My day</source>
            <translation>Мій день</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Today: %1 / %2 effective calls</source>
            <translation>Сьогодні: %1 / %2 результативних дзвінків</translation>
        </message>
    </context>
    <context>
        <name>CallContextPane</name>
        <message>
            <location filename="../../src/workstation/views/calls/context.py" line="+55" />
            <source>Call</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead card</source>
            <translation>Картка ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History</source>
            <translation>Історія</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation>Напрямок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Started</source>
            <translation>Початок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk time</source>
            <translation>Розмова</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Виклик</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>Підсумок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refusal reason</source>
            <translation>Причина відмови</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tools</source>
            <translation>Інструменти</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Нотатки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Script path</source>
            <translation>Шлях за скриптом</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No lead card for this call.</source>
            <translation>У цього дзвінка немає картки ліда.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contacts</source>
            <translation>Контакти</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Phones</source>
            <translation>Телефони</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Категорія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адреса</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Джерело</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>Об'єкт продажу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact</source>
            <translation>Наступний контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Content</source>
            <translation>Зміст</translation>
        </message>
    </context>
    <context>
        <name>CallController</name>
        <message>
            <location filename="../../src/workstation/views/callcenter/controller.py" line="+155" />
            <source>%1 leads with this number</source>
            <translation>%1 лідів із цим номером</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not a lead</source>
            <translation>Не лід</translation>
        </message>
        <message>
            <location line="+84" />
            <source>This lead has no phone number.</source>
            <translation>У цього ліда немає телефону.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+30" />
            <source>Finish the current call first.</source>
            <translation>Спочатку завершіть поточний дзвінок.</translation>
        </message>
        <message>
            <location line="+59" />
            <source>Connected: %1</source>
            <translation>З'єднано: %1</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Call with %1 ended: %2. Fill in the wrap-up.</source>
            <translation>Дзвінок з %1 завершено: %2. Заповніть підсумки дзвінка.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>busy: %1 is calling this lead</source>
            <translation>зайнято: %1 зараз телефонує цьому клієнту</translation>
        </message>
        <message>
            <location line="+76" />
            <source>Could not log the call: %1</source>
            <translation>Не вдалося записати дзвінок у журнал: %1</translation>
        </message>
    </context>
    <context>
        <name>CallWorkspace</name>
        <message>
            <location filename="../../src/workstation/views/workspace/widget.py" line="+268" />
            <source>Incoming call %1</source>
            <translation>Вхідний дзвінок %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outgoing call %1</source>
            <translation>Вихідний дзвінок %1</translation>
        </message>
        <message>
            <location line="+109" />
            <source>Incoming call</source>
            <translation>Вхідний дзвінок</translation>
        </message>
        <message>
            <location line="-93" />
            <source>Interest: incoming call from %1 at %2 — %3</source>
            <translation>Інтерес: вхідний дзвінок з %1 о %2 — %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>невідомо</translation>
        </message>
        <message>
            <location line="+2" />
            <source>me</source>
            <translation>я</translation>
        </message>
        <message>
            <location line="+68" />
            <source>Discard</source>
            <translation>Скинути</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop the card's edits and the wrap-up typed for this call?</source>
            <translation>Відкинути правки картки та підсумки, введені для цього дзвінка?</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Enter the company or the contact's name for the new lead.</source>
            <translation>Введіть компанію або ім'я контакту для нового ліда.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Not saved: %1</source>
            <translation>Не збережено: %1</translation>
        </message>
    </context>
    <context>
        <name>Calls</name>
        <message>
            <location filename="../../src/workstation/views/callmodel.py" line="+221" />
            <source>The softphone is not running.</source>
            <translation>Софтфон не запущено.</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+182" />
            <source>Both lines are busy.</source>
            <translation>Обидві лінії зайняті.</translation>
        </message>
        <message>
            <location line="-43" />
            <source>No voicemail is set up (Settings → SIP: voicemail).</source>
            <translation>Голосову пошту не налаштовано (Налаштування → SIP: голосова пошта).</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Answer a call first.</source>
            <translation>Спочатку дайте відповідь на дзвінок.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>No consultation call to transfer to.</source>
            <translation>Немає консультаційного дзвінка для переведення.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Wait until the consulted party answers.</source>
            <translation>Дочекайтеся відповіді абонента консультації.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No consultation call to return from.</source>
            <translation>Немає консультаційного дзвінка, з якого можна повернутися.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>A conference needs two answered calls.</source>
            <translation>Для конференції потрібні два прийняті дзвінки.</translation>
        </message>
    </context>
    <context>
        <name>CallsBrowser</name>
        <message>
            <location filename="../../src/workstation/views/calls/__init__.py" line="+73" />
            <location line="+4" />
            <source>Calls</source>
            <translation>Дзвінки</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/calls/browser.py" line="+146" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>З</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation>Напрямок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>Підсумок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Talk from, min</source>
            <translation>Розмова від, хв</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to, min</source>
            <translation>до, хв</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Recording</source>
            <translation>Запис</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Score from</source>
            <translation>Оцінка від</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search</source>
            <translation>Пошук</translation>
        </message>
        <message>
            <location line="+89" />
            <source>Refresh</source>
            <translation>Оновити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the calls again (from the shared database when it can be reached)</source>
            <translation>Прочитати дзвінки знову (зі спільної бази, якщо вона доступна)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clear filters</source>
            <translation>Скинути фільтри</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not yet reviewed</source>
            <translation>Ще не перевірені</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number or company</source>
            <translation>Номер або компанія</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Any</source>
            <translation>Будь-який</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No type</source>
            <translation>Без типу</translation>
        </message>
        <message>
            <location line="+2" />
            <source>With recording</source>
            <translation>Із записом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Without</source>
            <translation>Без запису</translation>
        </message>
        <message>
            <location line="+10" />
            <source>All</source>
            <translation>Усі</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Needs the call reviews (not in this database yet)</source>
            <translation>Потрібні оцінки дзвінків (у цій базі їх ще немає)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Online: every call you may see, from the shared database</source>
            <translation>Онлайн: усі доступні вам дзвінки зі спільної бази</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This workstation's calls (no shared database is set)</source>
            <translation>Дзвінки цього робочого місця (спільну базу не задано)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Offline: the calls in this workstation's store; the shared database cannot be reached</source>
            <translation>Офлайн: дзвінки з локальної бази; спільна база недоступна</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Lead: %1 ✕</source>
            <translation>Лід: %1 ✕</translation>
        </message>
        <message>
            <location line="+59" />
            <location line="+1" />
            <source>Loading…</source>
            <translation>Завантаження…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>This call is not visible to you.</source>
            <translation>Цей дзвінок вам недоступний.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No recording of this call.</source>
            <translation>У цього дзвінка немає запису.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Could not read the call: %1</source>
            <translation>Не вдалося прочитати дзвінок: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Open the lead card</source>
            <translation>Відкрити картку ліда</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Show this lead's calls</source>
            <translation>Показати дзвінки цього ліда</translation>
        </message>
        <message numerus="yes">
            <location line="+23" />
            <source>%n call(s)</source>
            <translation>
                <numerusform>%n дзвінок</numerusform>
                <numerusform>%n дзвінки</numerusform>
                <numerusform>%n дзвінків</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CallsModel</name>
        <message>
            <location filename="../../src/workstation/views/calls/model.py" line="+103" />
            <source>Could not read the calls: %1</source>
            <translation>Не вдалося прочитати дзвінки: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Started</source>
            <translation>Початок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>Номер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction</source>
            <translation>Напрямок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>Підсумок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Duration</source>
            <translation>Тривалість</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rec.</source>
            <translation>Зап.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Codec</source>
            <translation>Кодек</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jitter, ms</source>
            <translation>Джитер, мс</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Loss, %</source>
            <translation>Втрати, %</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Security</source>
            <translation>Захист</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Score</source>
            <translation>Оцінка</translation>
        </message>
        <message>
            <location line="+36" />
            <source>not reviewed</source>
            <translation>не перевірено</translation>
        </message>
    </context>
    <context>
        <name>CrashReportDialog</name>
        <message>
            <location filename="../../src/workstation/views/crashdialog.py" line="+22" />
            <source>Workstation stopped unexpectedly</source>
            <translation>Робоче місце несподівано закрилося</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The last session ended with an error. A report was saved in the log folder:
%1
It holds no passwords; send it to your support if the problem comes back.</source>
            <translation>Минулий сеанс завершився з помилкою. Звіт збережено в теці журналів:
%1
У ньому немає паролів; надішліть його до підтримки, якщо проблема повториться.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Show report</source>
            <translation>Показати звіт</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy</source>
            <translation>Копіювати</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open folder</source>
            <translation>Відкрити теку</translation>
        </message>
    </context>
    <context>
        <name>CriteriaEditor</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="-204" />
            <source>Scorecard</source>
            <translation>Оцінювальний лист</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Criterion</source>
            <translation>Критерій</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Weight</source>
            <translation>Вага</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer</source>
            <translation>Відповідь</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Max</source>
            <translation>Макс.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Critical</source>
            <translation>Критичний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add criterion</source>
            <translation>Додати критерій</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>Видалити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save as new version</source>
            <translation>Зберегти новою версією</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+31" />
            <source>Yes / no</source>
            <translation>Так / ні</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+31" />
            <source>Scale 0..N</source>
            <translation>Шкала 0..N</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Call quality</source>
            <translation>Якість дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No scorecard yet: add the criteria and save.</source>
            <translation>Оцінювального листа ще немає: додайте критерії та збережіть.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Version %1; saving makes version %2 (reviews keep the criteria they were scored with)</source>
            <translation>Версія %1; збереження створить версію %2 (оцінки зберігають критерії, за якими їх ставили)</translation>
        </message>
    </context>
    <context>
        <name>DatabasePage</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="+190" />
            <source>Shared database</source>
            <translation>Спільна база даних</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Remove the password from the database URL and type it in the Password field: it is kept in the system keyring.</source>
            <translation>Приберіть пароль з URL бази даних і введіть його в поле «Пароль»: він зберігається в системному сховищі паролів.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The database URL must start with postgresql:// (or be empty).</source>
            <translation>URL бази даних має починатися з postgresql:// (або бути порожнім).</translation>
        </message>
    </context>
    <context>
        <name>DatabasePageForm</name>
        <message>
            <location filename="../../ui/settings_database.ui" line="+6" />
            <source>Shared database</source>
            <translation>Спільна база даних</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shared database URL</source>
            <translation>URL спільної бази даних</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Leave empty to work alone on this computer. Write the URL without the password: the password is kept in the system keyring.</source>
            <translation>Залиште порожнім, щоб працювати лише на цьому комп'ютері. Пишіть URL без пароля: пароль зберігається в системному сховищі паролів.</translation>
        </message>
    </context>
    <context>
        <name>DatabaseWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="+52" />
            <source>Shared database</source>
            <translation>Спільна база даних</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Work alone on this computer, or sign in to your team's shared database.</source>
            <translation>Працюйте самостійно на цьому комп'ютері або увійдіть до спільної бази даних команди.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Single user: work alone on this computer</source>
            <translation>Один користувач: працювати лише на цьому комп'ютері</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sign in to a shared database</source>
            <translation>Увійти до спільної бази даних</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Test sign-in</source>
            <translation>Перевірити вхід</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Type the database URL your admin gave you.</source>
            <translation>Введіть адресу бази даних, яку дав адміністратор.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Signing in…</source>
            <translation>Вхід…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Signed in: %1</source>
            <translation>Вхід виконано: %1</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <location filename="../../src/workstation/demo.py" line="+237" />
            <source>Demo: a client will call in %1 s from a known lead, then from an unknown number.</source>
            <translation>Демо: через %1 с зателефонує клієнт із бази, потім — з невідомого номера.</translation>
        </message>
    </context>
    <context>
        <name>DrillDialog</name>
        <message>
            <location filename="../../src/workstation/views/funnel/common.py" line="+335" />
            <source>%1 rows written to %2</source>
            <translation>Записано рядків: %1, файл %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Loading…</source>
            <translation>Завантаження…</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+7" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Base</source>
            <translation>База</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+6" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Started</source>
            <translation>Початок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>Підсумок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Talk</source>
            <translation>Розмова</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 shown; double-click a row to open it</source>
            <translation>Показано: %1; подвійне клацання відкриває рядок</translation>
        </message>
    </context>
    <context>
        <name>EffectivePage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-45" />
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An answered call is effective when the talk lasted at least this long, or the manager recorded a result (positive, satisfactory or negative), or used a sales tool (offer, presentation, demo access, invoice). Every workstation counts its plan with this rule once it has synced.</source>
            <translation>Дзвінок, на який відповіли, результативний, якщо розмова тривала не менше цього, або менеджер записав результат (позитивний, задовільний чи негативний), або використав інструмент продажу (пропозиція, презентація, демодоступ, рахунок). Кожна станція рахує план за цим правилом після синхронізації.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Talk time that makes a call effective:</source>
            <translation>Час розмови для результативного дзвінка:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save</source>
            <translation>Зберегти</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="+71" />
            <source>Choose the lead base</source>
            <translation>Оберіть базу лідів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A CSV (UTF-8 or Windows-1251; comma, semicolon or tab) or an XLSX file with a header row.</source>
            <translation>Файл CSV (UTF-8 або Windows-1251; кома, крапка з комою або табуляція) або XLSX з рядком заголовків.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Path to a .csv or .xlsx file</source>
            <translation>Шлях до файлу .csv або .xlsx</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>Огляд…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Country (ISO code) of numbers written without a country code</source>
            <translation>Країна (код ISO) номерів без коду країни</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Detect</source>
            <translation>Визначити</translation>
        </message>
        <message>
            <location line="+4" />
            <source>File:</source>
            <translation>Файл:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Default phone region:</source>
            <translation>Регіон телефонів за замовчуванням:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Encoding:</source>
            <translation>Кодування:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Me</source>
            <translation>Я</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads go to:</source>
            <translation>Ліди отримує:</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Open lead base</source>
            <translation>Відкрити базу лідів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead bases (*.csv *.txt *.xlsx);;All files (*)</source>
            <translation>Бази лідів (*.csv *.txt *.xlsx);;Усі файли (*)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Me (%1)</source>
            <translation>Я (%1)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager: %1</source>
            <translation>Менеджер: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shared pool of team %1</source>
            <translation>Спільний пул команди %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team %1: evenly among its managers</source>
            <translation>Команда %1: порівну між менеджерами</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1: no such file</source>
            <translation>%1: немає такого файлу</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../src/workstation/views/funnel/filters.py" line="+166" />
            <source>Team:</source>
            <translation>Команда:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager:</source>
            <translation>Менеджер:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period</source>
            <translation>Період</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only what happened between these days (both included)</source>
            <translation>Лише те, що було в ці дні (включно)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refresh</source>
            <translation>Оновити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop</source>
            <translation>Стоп</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop reading (the numbers shown stay as they were)</source>
            <translation>Зупинити читання (показані числа залишаться)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>All teams</source>
            <translation>Усі команди</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All managers</source>
            <translation>Усі менеджери</translation>
        </message>
        <message>
            <location line="+18" />
            <source>as of %1</source>
            <translation>станом на %1</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="+144" />
            <source>Welcome to Workstation</source>
            <translation>Ласкаво просимо до «Робочого місця»</translation>
        </message>
    </context>
    <context>
        <name>FunnelCells</name>
        <message>
            <location filename="../../src/workstation/views/funnel/common.py" line="-254" />
            <source>Double-click: what is behind this number</source>
            <translation>Подвійне клацання: що стоїть за цим числом</translation>
        </message>
    </context>
    <context>
        <name>FunnelTab</name>
        <message>
            <location filename="../../src/workstation/views/funnel/__init__.py" line="+51" />
            <source>Funnel</source>
            <translation>Воронка</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/funnel/funnel_tab.py" line="+43" />
            <source>%1 d</source>
            <translation>%1 дн.</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Funnel:</source>
            <translation>Воронка:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base:</source>
            <translation>База:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stuck after:</source>
            <translation>Застряг після:</translation>
        </message>
        <message>
            <location line="+1" />
            <source> days</source>
            <translation> дн.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A lead at an open stage longer than this is stuck</source>
            <translation>Лід довше цього строку на відкритому етапі вважається застряглим</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stages and conversion</source>
            <translation>Етапи та конверсія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead types against a cold base</source>
            <translation>Типи лідів проти холодної бази</translation>
        </message>
        <message>
            <location line="+4" />
            <source>by base</source>
            <translation>за базами</translation>
        </message>
        <message>
            <location line="+1" />
            <source>by manager</source>
            <translation>за менеджерами</translation>
        </message>
        <message>
            <location line="+15" />
            <source>All bases</source>
            <translation>Усі бази</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Reading…</source>
            <translation>Читання…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Stopped: the numbers shown are as of the time above</source>
            <translation>Зупинено: показано числа на час вище</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not read the funnel: %1</source>
            <translation>Не вдалося прочитати воронку: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reading… %1 of %2</source>
            <translation>Читання… %1 з %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 rows written to %2</source>
            <translation>Записано рядків: %1, файл %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 leads in the funnel; double-click a number to see the leads behind it</source>
            <translation>Лідів у воронці: %1; подвійне клацання по числу покаже ліди за ним</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+42" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Leads now</source>
            <translation>Лідів зараз</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reached</source>
            <translation>Дійшли</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To next stage</source>
            <translation>На наст. етап</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Median time
in stage</source>
            <translation>Медіана
на етапі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stays
measured</source>
            <translation>Виміряно
перебувань</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads at this stage now</source>
            <translation>Ліди на цьому етапі зараз</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads that got to this stage or further</source>
            <translation>Ліди, що дійшли до цього етапу або далі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Of the leads that reached this stage, the share that reached the next</source>
            <translation>Частка тих, хто дійшов до цього етапу і дійшов до наступного</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From the stage-change history: half the finished stays were shorter</source>
            <translation>За історією зміни етапів: половина завершених перебувань була коротшою</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Finished stays in this stage (the median's sample)</source>
            <translation>Завершені перебування на етапі (вибірка медіани)</translation>
        </message>
        <message>
            <location line="+29" />
            <source>reached</source>
            <translation>дійшли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>now</source>
            <translation>зараз</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Stuck longer than %1 days: %2</source>
            <translation>Застрягли довше %1 дн.: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In stage since</source>
            <translation>На етапі з</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days</source>
            <translation>Днів</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+21" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Base</source>
            <translation>База</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Typed</source>
            <translation>З типом</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No type</source>
            <translation>Без типу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leads with a type: the shares' base</source>
            <translation>Ліди з типом: база для часток</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Typical share in a cold base: %1</source>
            <translation>Типова частка в холодній базі: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(no base)</source>
            <translation>(без бази)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(no owner)</source>
            <translation>(без власника)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Outside the band: %1</source>
            <translation>Поза нормою: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Too few typed leads to judge (fewer than %1)</source>
            <translation>Замало лідів з типом для оцінки (менше %1)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 leads</source>
            <translation>Лідів: %1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Leads behind the number</source>
            <translation>Ліди за числом</translation>
        </message>
    </context>
    <context>
        <name>FunnelsPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-228" />
            <source>code of a new funnel</source>
            <translation>код нової воронки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Funnel:</source>
            <translation>Воронка:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name:</source>
            <translation>Назва:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Product:</source>
            <translation>Продукт:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Topic:</source>
            <translation>Тематика:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save funnel</source>
            <translation>Зберегти воронку</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New funnel</source>
            <translation>Нова воронка</translation>
        </message>
        <message>
            <location line="+2" />
            <source>#</source>
            <translation>№</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Leads at it</source>
            <translation>Лідів на етапі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Стан</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="-110" />
            <source>System language</source>
            <translation>Мова системи</translation>
        </message>
        <message>
            <location line="+11" />
            <source>A new language applies at once to the main window and to windows opened afterwards.</source>
            <translation>Нова мова одразу застосовується до головного вікна та до вікон, відкритих після цього.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>General</source>
            <translation>Загальні</translation>
        </message>
    </context>
    <context>
        <name>GeneralPageForm</name>
        <message>
            <location filename="../../ui/settings_general.ui" line="+6" />
            <source>General</source>
            <translation>Загальні</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Language</source>
            <translation>Мова</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Default phone region</source>
            <translation>Регіон телефонів за замовчуванням</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Country of numbers written without a country code</source>
            <translation>Країна номерів, записаних без коду країни</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Microphone</source>
            <translation>Мікрофон</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+11" />
            <source>System default</source>
            <translation>Системний за замовчуванням</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Speaker</source>
            <translation>Динамік</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Ring device</source>
            <translation>Пристрій дзвінка</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Same as the speaker</source>
            <translation>Як у динаміка</translation>
        </message>
    </context>
    <context>
        <name>GeneralWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="-223" />
            <source>Language and region</source>
            <translation>Мова та регіон</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The interface language and the region for phone numbers written without a country code.</source>
            <translation>Мова інтерфейсу та регіон для номерів телефонів без коду країни.</translation>
        </message>
    </context>
    <context>
        <name>HandOver</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/handover.py" line="+25" />
            <source>Another team's region</source>
            <translation>Регіон іншої команди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client speaks another language</source>
            <translation>Клієнт говорить іншою мовою</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Another team sells this product</source>
            <translation>Цей продукт продає інша команда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>I am away</source>
            <translation>Я відсутній</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The client asked for someone else</source>
            <translation>Клієнт попросив іншого менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Інше</translation>
        </message>
    </context>
    <context>
        <name>HandOverDialog</name>
        <message>
            <location line="+11" />
            <source>Hand the lead over</source>
            <translation>Передати лід</translation>
        </message>
        <message>
            <location line="+10" />
            <source>What the new manager should know</source>
            <translation>Що треба знати новому менеджеру</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Hand over</source>
            <translation>Передати</translation>
        </message>
        <message>
            <location line="+2" />
            <source>To:</source>
            <translation>Кому:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason:</source>
            <translation>Причина:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note:</source>
            <translation>Нотатка:</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Manager: %1</source>
            <translation>Менеджер: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shared pool of team %1</source>
            <translation>Спільний пул команди %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Choose who takes the lead.</source>
            <translation>Виберіть, хто прийме лід.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write a note for the new manager.</source>
            <translation>Напишіть нотатку для нового менеджера.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Not handed over: %1</source>
            <translation>Не передано: %1</translation>
        </message>
    </context>
    <context>
        <name>HeadsetBridge</name>
        <message>
            <location filename="../../src/workstation/telephony/audio.py" line="+760" />
            <source>Ring tone file is missing: %1</source>
            <extracomment>Where the frames go (setting audio.path): the C path or QtMultimedia, or native when possible. RMS (Int16 units) below which a 20 ms microphone chunk counts as silence (≈ -56 dBFS). Interpreter switch interval the bridge needs (seconds). Python's default 5 ms lets a busy GUI thread hold the GIL long enough to starve the Qt audio thread (measured: 80 ms microphone gaps and underruns with a 200 ms Python burst; 16 ms gaps and none at 1 ms). Period the audio server is asked to use; PulseAudio's default for Qt's source is 64 ms fragments, far too coarse for a call (measured here).</extracomment>
            <translation>Немає файлу мелодії дзвінка: %1</translation>
        </message>
    </context>
    <context>
        <name>HeadsetPage</name>
        <message>
            <location filename="../../src/workstation/views/settings/headset.py" line="+108" />
            <source>Headset</source>
            <translation>Гарнітура</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Microphone</source>
            <translation>Мікрофон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Level</source>
            <translation>Рівень</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speaker</source>
            <translation>Динамік</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ring device</source>
            <translation>Пристрій дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Audio path</source>
            <translation>Аудіотракт</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Automatic</source>
            <translation>Автоматично</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Native (PulseAudio)</source>
            <translation>Вбудований (PulseAudio)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>QtMultimedia</source>
            <translation>QtMultimedia</translation>
        </message>
        <message>
            <location line="+4" />
            <source>How call audio reaches the headset; applies at the next start</source>
            <translation>Як звук дзвінка потрапляє в гарнітуру; застосовується під час наступного запуску</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+2" />
            <source>Test tone</source>
            <translation>Тестовий сигнал</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Play a short tone on this speaker</source>
            <translation>Відтворити короткий сигнал на цьому динаміку</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Play a short tone on the ring device</source>
            <translation>Відтворити короткий сигнал на пристрої дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speak: the bar moves with the chosen microphone</source>
            <translation>Говоріть: смуга рухається разом із вибраним мікрофоном</translation>
        </message>
        <message>
            <location line="+19" />
            <source>The native path is available: call audio does not wait for the application's own threads.</source>
            <translation>Вбудований тракт доступний: звук дзвінка не чекає на потоки самої програми.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The native path is not available (%1); QtMultimedia is used.</source>
            <translation>Вбудований тракт недоступний (%1); використовується QtMultimedia.</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+1" />
            <source>System default</source>
            <translation>Системний за замовчуванням</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Same as the speaker</source>
            <translation>Як у динаміка</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 (not connected)</source>
            <translation>%1 (не під'єднано)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No microphone found: plug in the headset.</source>
            <translation>Мікрофон не знайдено: підключіть гарнітуру.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The chosen microphone is not connected.</source>
            <translation>Вибраний мікрофон не під'єднано.</translation>
        </message>
        <message>
            <location line="+54" />
            <source>The microphone cannot be opened.</source>
            <translation>Не вдається відкрити мікрофон.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>This speaker is not connected.</source>
            <translation>Цей динамік не під'єднано.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Playing a test tone on %1…</source>
            <translation>Тестовий сигнал на %1…</translation>
        </message>
    </context>
    <context>
        <name>HeadsetWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/headset.py" line="+81" />
            <source>Headset</source>
            <translation>Гарнітура</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose the headset, speak: the bar moves. Record 3 seconds and listen to them.</source>
            <translation>Оберіть гарнітуру й говоріть: смужка рухається. Запишіть 3 секунди й прослухайте їх.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Record 3 s and play back</source>
            <translation>Записати 3 с і відтворити</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Microphone</source>
            <translation>Мікрофон</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Level</source>
            <translation>Рівень</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speaker</source>
            <translation>Динамік</translation>
        </message>
        <message>
            <location line="+27" />
            <source>System default</source>
            <translation>Системний за замовчуванням</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No microphone found: plug in the headset.</source>
            <translation>Мікрофон не знайдено: підключіть гарнітуру.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>The microphone cannot be opened.</source>
            <translation>Не вдається відкрити мікрофон.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No microphone is open.</source>
            <translation>Мікрофон не відкрито.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Recording… speak now.</source>
            <translation>Запис… говоріть.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No speaker found: plug in the headset.</source>
            <translation>Динамік не знайдено: підключіть гарнітуру.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Playing back %1 s: do you hear yourself?</source>
            <translation>Відтворення %1 с: ви себе чуєте?</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Done. If you heard nothing, choose another microphone or speaker.</source>
            <translation>Готово. Якщо нічого не було чути, оберіть інший мікрофон або динамік.</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <location filename="../../src/workstation/views/workspace/history.py" line="+85" />
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction</source>
            <translation>Напрямок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Outcome</source>
            <translation>Результат дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk</source>
            <translation>Розмова</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>Нотатки</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Line</source>
            <translation>Зв'язок</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Double-click to play the recording</source>
            <translation>Подвійне клацання — прослухати запис</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="-101" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адреса</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact person</source>
            <translation>Контактна особа</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Джерело</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Категорія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client type</source>
            <translation>Тип клієнта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date-time</source>
            <translation>Дата/час</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client history</source>
            <translation>Клієнтська історія</translation>
        </message>
        <message>
            <location line="+407" />
            <source>Import leads</source>
            <translation>Імпорт лідів</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../src/workstation/views/labels.py" line="+15" />
            <source>Interested</source>
            <translation>Зацікавлений</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Potentially interested</source>
            <translation>Потенційно зацікавлений</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hypothetically interested</source>
            <translation>Гіпотетично зацікавлений</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already a client</source>
            <translation>Є клієнтом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hostile</source>
            <translation>Упереджений</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not interested</source>
            <translation>Не зацікавлений</translation>
        </message>
        <message>
            <location line="+1" />
            <source>False positioning</source>
            <translation>Хибне позиціонування</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Success</source>
            <translation>Успішно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer</source>
            <translation>Немає відповіді</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Зайнято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Помилка</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Positive</source>
            <translation>Позитивний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative</source>
            <translation>Негативний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfactory</source>
            <translation>Задовільний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undefined</source>
            <translation>Невизначений</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Not aware</source>
            <translation>Не знає</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Aware</source>
            <translation>Знає</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Interest found</source>
            <translation>Інтерес виявлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presale done</source>
            <translation>Пресейл проведено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offer sent</source>
            <translation>КП надіслано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stimulation</source>
            <translation>Стимулювання</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Price negotiation</source>
            <translation>Узгодження ціни</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deal signed</source>
            <translation>Угоду підписано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Money received</source>
            <translation>Гроші отримано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Repeat request</source>
            <translation>Повторний запит</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paused</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refused</source>
            <translation>Відмова</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No need</source>
            <translation>Немає потреби</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Too expensive</source>
            <translation>Занадто дорого</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Already has a supplier</source>
            <translation>Вже є постачальник</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision maker unreachable</source>
            <translation>ОПР недоступна</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Asked to call later</source>
            <translation>Просили передзвонити пізніше</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not in the segment</source>
            <translation>Не наш сегмент</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No contact after all attempts</source>
            <translation>Немає контакту після всіх спроб</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Інше</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Incoming</source>
            <translation>Вхідний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outgoing</source>
            <translation>Вихідний</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+19" />
            <source>Call</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Note</source>
            <translation>Нотатка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage changed</source>
            <translation>Зміна етапу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type changed</source>
            <translation>Зміна типу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field changed</source>
            <translation>Зміна поля</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mail sent</source>
            <translation>Лист надіслано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Task done</source>
            <translation>Завдання виконано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Handed over</source>
            <translation>Передано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported</source>
            <translation>Імпортовано</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sales manager</source>
            <translation>Менеджер з продажу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Supervisor</source>
            <translation>Супервайзер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team lead</source>
            <translation>Керівник групи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Administrator</source>
            <translation>Адміністратор</translation>
        </message>
        <message>
            <location line="+5" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meeting</source>
            <translation>Зустріч</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Category</source>
            <translation>Категорія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>Адреса</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>Джерело</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product</source>
            <translation>Об'єкт продажу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Project</source>
            <translation>Проєкт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Site</source>
            <translation>Сайт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Owner</source>
            <translation>Відповідальний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact</source>
            <translation>Наступний контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remind</source>
            <translation>Нагадати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>Нотатки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contacts</source>
            <translation>Контакти</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phones</source>
            <translation>Телефони</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E-mails</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+4" />
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no TLS</source>
            <translation>без TLS</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SRTP</source>
            <translation>SRTP</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RTP, not encrypted</source>
            <translation>RTP, без шифрування</translation>
        </message>
        <message>
            <location line="+99" />
            <source>jitter %1 ms</source>
            <translation>джитер %1 мс</translation>
        </message>
        <message>
            <location line="+3" />
            <source>loss %1 %</source>
            <translation>втрати %1 %</translation>
        </message>
    </context>
    <context>
        <name>LeadCardDialog</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/widget.py" line="+333" />
            <source>Hand over…</source>
            <translation>Передати…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Lead card</source>
            <translation>Картка ліда</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Lead card: %1</source>
            <translation>Картка ліда: %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Unsaved changes</source>
            <translation>Незбережені зміни</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The lead card has unsaved changes. Close without saving?</source>
            <translation>У картці ліда є незбережені зміни. Закрити без збереження?</translation>
        </message>
    </context>
    <context>
        <name>LeadCardForm</name>
        <message>
            <location filename="../../ui/leadcard.ui" line="+9" />
            <source>Lead card</source>
            <translation>Картка ліда</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Company (counterparty)</source>
            <translation>Компанія (контрагент)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Category</source>
            <translation>Категорія</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Address</source>
            <translation>Адреса</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Site</source>
            <translation>Сайт</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Source</source>
            <translation>Джерело</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Marketing event or campaign the lead came from</source>
            <translation>Маркетинговий захід або кампанія, звідки прийшов лід</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sales direction; decides the funnel</source>
            <translation>Напрям продажу; визначає воронку</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Product</source>
            <translation>Об'єкт продажу</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Project</source>
            <translation>Проєкт</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Responsible</source>
            <translation>Відповідальний</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Next contact</source>
            <translation>Наступний контакт</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Remind me</source>
            <translation>Нагадати мені</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Contact persons</source>
            <translation>Контактні особи</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Phones</source>
            <translation>Телефони</translation>
        </message>
        <message>
            <location line="+6" />
            <source>E-mails</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Notes</source>
            <translation>Нотатки</translation>
        </message>
        <message>
            <location line="+6" />
            <source>What was said, what was agreed</source>
            <translation>Що сказали, про що домовилися</translation>
        </message>
    </context>
    <context>
        <name>LeadCardWidget</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/widget.py" line="-224" />
            <location line="+4" />
            <source>— not set —</source>
            <translation>— не задано —</translation>
        </message>
        <message>
            <location line="+4" />
            <source>— nobody —</source>
            <translation>— ніхто —</translation>
        </message>
        <message>
            <location line="+43" />
            <source>New lead</source>
            <translation>Новий лід</translation>
        </message>
        <message>
            <location line="+87" />
            <source>This lead no longer exists.</source>
            <translation>Цього ліда більше немає.</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Could not read the lead: %1</source>
            <translation>Не вдалося прочитати ліда: %1</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Not saved: %1</source>
            <translation>Не збережено: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not save the lead: %1</source>
            <translation>Не вдалося зберегти ліда: %1</translation>
        </message>
    </context>
    <context>
        <name>LeadChooserDialog</name>
        <message>
            <location filename="../../src/workstation/views/workspace/chooser.py" line="+18" />
            <source>Which client is calling?</source>
            <translation>Який клієнт телефонує?</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(no name)</source>
            <translation>(без назви)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 matches %2 leads:</source>
            <translation>%1 збігається з лідами (%2):</translation>
        </message>
    </context>
    <context>
        <name>LeadListModel</name>
        <message>
            <location filename="../../src/workstation/views/leadlist/model.py" line="+87" />
            <source>Could not read the lead list: %1</source>
            <translation>Не вдалося прочитати список лідів: %1</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>Контакт</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Owner</source>
            <translation>Відповідальний</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Next contact</source>
            <translation>Наступний контакт</translation>
        </message>
    </context>
    <context>
        <name>LeadListWidget</name>
        <message>
            <location filename="../../src/workstation/views/leadlist/widget.py" line="+132" />
            <source>Reassign…</source>
            <translation>Перепризначити…</translation>
        </message>
        <message>
            <location line="+58" />
            <source>Select the leads to reassign first.</source>
            <translation>Спочатку виберіть ліди для перепризначення.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>%n leads reassigned</source>
            <translation>
                <numerusform>Перепризначено %n лід</numerusform>
                <numerusform>Перепризначено %n ліди</numerusform>
                <numerusform>Перепризначено %n лідів</numerusform>
            </translation>
        </message>
        <message>
            <location line="+30" />
            <source>All types</source>
            <translation>Усі типи</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No type yet</source>
            <translation>Без типу</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All stages</source>
            <translation>Усі етапи</translation>
        </message>
        <message>
            <location line="+4" />
            <source>All owners</source>
            <translation>Усі відповідальні</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nobody</source>
            <translation>Ніхто</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Any next contact</source>
            <translation>Будь-який наступний контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due today</source>
            <translation>Сьогодні</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue</source>
            <translation>Прострочено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Today or overdue</source>
            <translation>Сьогодні або прострочено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No date set</source>
            <translation>Дату не задано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date range…</source>
            <translation>Діапазон дат…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Search by phone (any format) or name…</source>
            <translation>Пошук за телефоном (у будь-якому форматі) або назвою…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact from</source>
            <translation>Наступний контакт з</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next contact up to and including</source>
            <translation>Наступний контакт по (включно)</translation>
        </message>
        <message>
            <location line="+53" />
            <source>Searching…</source>
            <translation>Пошук…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Counting…</source>
            <translation>Підрахунок…</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>%Ln lead(s)</source>
            <translation>
                <numerusform>%Ln лід</numerusform>
                <numerusform>%Ln ліди</numerusform>
                <numerusform>%Ln лідів</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>No leads yet: File → Import leads…</source>
            <translation>Лідів поки немає: Файл → Імпорт лідів…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing matches</source>
            <translation>Нічого не знайдено</translation>
        </message>
    </context>
    <context>
        <name>LineRow</name>
        <message>
            <location filename="../../src/workstation/views/softphone/lines.py" line="+106" />
            <source>Line %1</source>
            <translation>Лінія %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Answer</source>
            <translation>Відповідь</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer; the call in progress goes on hold</source>
            <translation>Відповісти; поточний дзвінок стане на утримання</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject</source>
            <translation>Відхилити</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Decline the call (603)</source>
            <translation>Відхилити дзвінок (603)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Зайнято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send busy (486 Busy Here) (%1)</source>
            <translation>Відповісти «зайнято» (486 Busy Here) (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Voicemail</source>
            <translation>Голосова пошта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send the call to voicemail (%1) (%2)</source>
            <translation>Перевести дзвінок на голосову пошту (%1) (%2)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No voicemail is set up (Settings → SIP: voicemail)</source>
            <translation>Голосову пошту не налаштовано (Налаштування → SIP: голосова пошта)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+42" />
            <source>Hold</source>
            <translation>Утримання</translation>
        </message>
        <message>
            <location line="-42" />
            <source>Put this line on hold / talk on it</source>
            <translation>Поставити лінію на утримання / говорити нею</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up</source>
            <translation>Покласти слухавку</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hang up this line</source>
            <translation>Завершити дзвінок на цій лінії</translation>
        </message>
        <message>
            <location line="+10" />
            <source>unknown</source>
            <translation>невідомо</translation>
        </message>
        <message>
            <location line="+6" />
            <source>waiting call, ringing</source>
            <translation>дзвінок в очікуванні, дзвонить</translation>
        </message>
        <message>
            <location line="+0" />
            <source>ringing</source>
            <translation>дзвонить</translation>
        </message>
        <message>
            <location line="+2" />
            <source>calling…</source>
            <translation>виклик…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>conference %1</source>
            <translation>конференція %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>on hold %1</source>
            <translation>на утриманні %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>transferring…</source>
            <translation>переведення…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>talking %1</source>
            <translation>розмова %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>consultation</source>
            <translation>консультація</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unsaved edits</source>
            <translation>незбережені правки</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Resume</source>
            <translation>Повернутися</translation>
        </message>
    </context>
    <context>
        <name>LinesPanel</name>
        <message>
            <location line="+97" />
            <source>There is no other answered line to swap to.</source>
            <translation>Немає іншої прийнятої лінії для перемикання.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Consult</source>
            <translation>Консультація</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call (number or SIP address) to consult before transferring; the call in progress goes on hold:</source>
            <translation>Кому зателефонувати (номер або SIP-адреса) для консультації перед переведенням; поточний дзвінок стане на утримання:</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Swap</source>
            <translation>Перемкнути</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hold this line and talk on the other (%1)</source>
            <translation>Утримати цю лінію й говорити іншою (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Complete transfer</source>
            <translation>Завершити переведення</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Connect the held caller with the consulted party (%1)</source>
            <translation>З'єднати утримуваного абонента з абонентом консультації (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Return</source>
            <translation>Повернутися</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up the consultation and return to the held call (%1)</source>
            <translation>Завершити консультацію й повернутися до утримуваного дзвінка (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conference</source>
            <translation>Конференція</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Join both lines: everyone hears everyone (%1)</source>
            <translation>Об'єднати обидві лінії: усі чують усіх (%1)</translation>
        </message>
    </context>
    <context>
        <name>ListPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="+81" />
            <source>Used by calls</source>
            <translation>У дзвінках</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Used by leads</source>
            <translation>У лідів</translation>
        </message>
        <message>
            <location line="+2" />
            <source>#</source>
            <translation>№</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Назва</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>Стан</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../src/workstation/views/mainwindow.py" line="+103" />
            <source>Workstation</source>
            <translation>Робоче місце</translation>
        </message>
        <message>
            <location line="+153" />
            <source>Export</source>
            <translation>Експорт</translation>
        </message>
        <message>
            <location line="-21" />
            <source>Export leads</source>
            <translation>Експорт лідів</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CSV files (*.csv)</source>
            <translation>Файли CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exporting leads…</source>
            <translation>Експорт лідів…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Exported %1 leads to %2</source>
            <translation>Експортовано лідів: %1 у %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Export failed: %1</source>
            <translation>Помилка експорту: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>About workstation</source>
            <translation>Про програму</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;Workstation&lt;/b&gt; %1&lt;br&gt;A call-center workstation for people who sell by phone: lead base, lead card, softphone, scripts.</source>
            <translation>&lt;b&gt;Робоче місце&lt;/b&gt; %1&lt;br&gt;Робоче місце кол-центру для тих, хто продає телефоном: база лідів, картка ліда, софтфон, скрипти.</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="-304" />
            <source>Columns</source>
            <translation>Стовпці</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check which field each column holds. A phone column is required; several phone or e-mail columns are allowed.</source>
            <translation>Перевірте, яке поле в кожному стовпці. Стовпець з телефоном обов'язковий; стовпців з телефонами або e-mail може бути кілька.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Column</source>
            <translation>Стовпець</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Example</source>
            <translation>Приклад</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <location line="+11" />
            <source>First rows of the file:</source>
            <translation>Перші рядки файлу:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import</source>
            <translation>Імпорт</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Reading %1…</source>
            <translation>Читання %1…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The file cannot be read: %1</source>
            <translation>Файл не читається: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>tab</source>
            <translation>табуляція</translation>
        </message>
        <message>
            <location line="+0" />
            <source>comma</source>
            <translation>кома</translation>
        </message>
        <message>
            <location line="+1" />
            <source>semicolon</source>
            <translation>крапка з комою</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV file, encoding %1, delimiter: %2, %3 columns</source>
            <translation>Файл CSV, кодування %1, роздільник: %2, стовпців: %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>XLSX file, sheet %1, %2 columns</source>
            <translation>Файл XLSX, аркуш %1, стовпців: %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>(ignore)</source>
            <translation>(пропустити)</translation>
        </message>
        <message>
            <location line="+39" />
            <source>No column is mapped to Phone (headers found: %1). Choose the phone column.</source>
            <translation>Жоден стовпець не зіставлено з полем «Телефон» (знайдено заголовки: %1). Оберіть стовпець з телефоном.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Only one column can be mapped to: %1</source>
            <translation>З цим полем можна зіставити лише один стовпець: %1</translation>
        </message>
    </context>
    <context>
        <name>MissingPanel</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="+324" />
            <source>Check now</source>
            <translation>Перевірити зараз</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Workstation</source>
            <translation>Робоче місце</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Found</source>
            <translation>Знайдено</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Call or file</source>
            <translation>Дзвінок або файл</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details</source>
            <translation>Подробиці</translation>
        </message>
        <message>
            <location line="+28" />
            <source>No missing recordings</source>
            <translation>Зниклих записів немає</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 missing or damaged recordings (%2)</source>
            <translation>Зниклих або пошкоджених записів: %1 (%2)</translation>
        </message>
        <message>
            <location line="+46" />
            <source>The check failed: %1</source>
            <translation>Перевірка не вдалася: %1</translation>
        </message>
    </context>
    <context>
        <name>MonitorFeature</name>
        <message>
            <location filename="../../src/workstation/views/monitor/widget.py" line="+157" />
            <source>The softphone is not running: cannot monitor.</source>
            <translation>Софтфон не запущено: прослуховування неможливе.</translation>
        </message>
        <message>
            <location line="+12" />
            <location line="+7" />
            <location line="+8" />
            <source>Cannot monitor: %1</source>
            <translation>Не вдалося почати прослуховування: %1</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Monitoring refused: %1</source>
            <translation>У прослуховуванні відмовлено: %1</translation>
        </message>
    </context>
    <context>
        <name>MonitorIndicator</name>
        <message>
            <location filename="../../src/workstation/views/monitor/__init__.py" line="+49" />
            <source>The softphone is not running: cannot monitor.</source>
            <translation>Софтфон не запущено: прослуховування неможливе.</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/monitor/widget.py" line="-139" />
            <source>Monitor</source>
            <translation>Контроль</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stop monitoring</source>
            <translation>Припинити прослуховування</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 is listening to this call</source>
            <translation>%1 слухає цей дзвінок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is whispering to you (the client does not hear)</source>
            <translation>%1 підказує вам (клієнт не чує)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 has joined the call</source>
            <translation>%1 тепер у розмові</translation>
        </message>
        <message>
            <location line="+5" />
            <source>A supervisor of your team is monitoring your call (%1).</source>
            <translation>Керівник вашої команди контролює ваш дзвінок (%1).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Listening to %1</source>
            <translation>Слухаю: %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Whispering to %1</source>
            <translation>Підказую: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barged in on %1</source>
            <translation>У розмові: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Listen</source>
            <translation>Слухати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whisper</source>
            <translation>Підказувати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Barge</source>
            <translation>Втрутитися</translation>
        </message>
    </context>
    <context>
        <name>MyDayPanel</name>
        <message>
            <location filename="../../src/workstation/views/workspace/myday.py" line="+217" />
            <source>Next lead</source>
            <translation>Наступний лід</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refresh</source>
            <translation>Оновити</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Effective calls today: %1 of %2</source>
            <translation>Результативних дзвінків сьогодні: %1 з %2</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Reminder</source>
            <translation>Нагадування</translation>
        </message>
    </context>
    <context>
        <name>MyReviews</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="-239" />
            <source>Reviewer</source>
            <translation>Перевіряючий</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 reviews; %2 wait for your acknowledgement</source>
            <translation>Оцінок: %1; чекають вашого підтвердження: %2</translation>
        </message>
    </context>
    <context>
        <name>OccupancyReport</name>
        <message>
            <location filename="../../src/workstation/views/board/report.py" line="+30" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Logged in</source>
            <translation>У системі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupancy</source>
            <translation>Завантаження</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Export occupancy</source>
            <translation>Експорт завантаження</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 rows written</source>
            <translation>Записано рядків: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not exported: %1</source>
            <translation>Не експортовано: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>From</source>
            <translation>З</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Експорт…</translation>
        </message>
    </context>
    <context>
        <name>OrderedPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-146" />
            <source>code (latin, e.g. site_visit)</source>
            <translation>код (латиницею, напр. site_visit)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name shown to managers</source>
            <translation>Назва для менеджерів</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Add</source>
            <translation>Додати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename</source>
            <translation>Перейменувати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Up</source>
            <translation>Вище</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Down</source>
            <translation>Нижче</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retire / restore</source>
            <translation>Вивести / повернути</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Видалити</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Select a row first.</source>
            <translation>Спочатку виберіть рядок.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>retired</source>
            <translation>виведено</translation>
        </message>
        <message>
            <location line="+0" />
            <source>offered</source>
            <translation>пропонується</translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message>
            <location line="+166" />
            <source>For</source>
            <translation>Для</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Figure</source>
            <translation>Показник</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Per</source>
            <translation>Період</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Plan</source>
            <translation>План</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Set plan</source>
            <translation>Задати план</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+12" />
            <source>Everybody (default)</source>
            <translation>Усі (типово)</translation>
        </message>
        <message>
            <location line="-9" />
            <location line="+8" />
            <source>Team %1</source>
            <translation>Команда %1</translation>
        </message>
        <message>
            <location line="-5" />
            <location line="+4" />
            <source>Manager %1</source>
            <translation>Менеджер %1</translation>
        </message>
    </context>
    <context>
        <name>Player</name>
        <message>
            <location filename="../../src/workstation/views/calls/player.py" line="+199" />
            <source>−10 s</source>
            <translation>−10 с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back 10 seconds (Left)</source>
            <translation>Назад на 10 секунд (←)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>+10 s</source>
            <translation>+10 с</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Forward 10 seconds (Right)</source>
            <translation>Уперед на 10 секунд (→)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speed, pitch kept ([ slower, ] faster)</source>
            <translation>Швидкість без зміни тону ([ повільніше, ] швидше)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save a copy…</source>
            <translation>Зберегти копію…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Pause</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play</source>
            <translation>Грати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play / pause (Space)</source>
            <translation>Відтворення / пауза (Пробіл)</translation>
        </message>
        <message>
            <location line="+56" />
            <source>The recording is not available offline.</source>
            <translation>Запис недоступний офлайн.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Fetching the recording…</source>
            <translation>Запис завантажується…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fetching…</source>
            <translation>Завантаження…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Fetching… %1 %</source>
            <translation>Завантаження… %1 %</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Could not fetch the recording.</source>
            <translation>Не вдалося отримати запис.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Drawing the waveform…</source>
            <translation>Будується осцилограма…</translation>
        </message>
        <message>
            <location line="+100" />
            <source>The recording cannot be played.</source>
            <translation>Запис не відтворюється.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Wait until the recording has arrived.</source>
            <translation>Дочекайтеся завантаження запису.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save a copy of the recording</source>
            <translation>Зберегти копію запису</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recordings (*%1)</source>
            <translation>Записи (*%1)</translation>
        </message>
    </context>
    <context>
        <name>Presence</name>
        <message>
            <location filename="../../src/workstation/views/board/labels.py" line="+12" />
            <source>Offline</source>
            <translation>Не в мережі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Available</source>
            <translation>Вільний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ringing</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On a call</source>
            <translation>Розмова</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wrap-up</source>
            <translation>Підсумки дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On a break</source>
            <translation>Перерва</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Lunch</source>
            <translation>Обід</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coffee break</source>
            <translation>Кава-брейк</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meeting</source>
            <translation>Нарада</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Training</source>
            <translation>Навчання</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Technical problem</source>
            <translation>Технічна проблема</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Інше</translation>
        </message>
    </context>
    <context>
        <name>PresenceControl</name>
        <message>
            <location filename="../../src/workstation/views/board/control.py" line="+48" />
            <source>A break begins after this call's wrap-up.</source>
            <translation>Перерва почнеться після підсумків цього дзвінка.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your state on the team board: click to take a break or to become available.</source>
            <translation>Ваш стан на дошці команди: натисніть, щоб піти на перерву або стати вільним.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Available</source>
            <translation>Вільний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Break</source>
            <translation>Перерва</translation>
        </message>
    </context>
    <context>
        <name>QueueModel</name>
        <message>
            <location filename="../../src/workstation/views/workspace/myday.py" line="-240" />
            <source>When</source>
            <translation>Коли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due</source>
            <translation>Термін</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>Контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Due now</source>
            <translation>Зараз</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Overdue</source>
            <translation>Прострочено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New lead</source>
            <translation>Новий лід</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Later today</source>
            <translation>Пізніше сьогодні</translation>
        </message>
    </context>
    <context>
        <name>ReassignDialog</name>
        <message numerus="yes">
            <location filename="../../src/workstation/views/leadlist/reassign.py" line="+32" />
            <source>Reassign %n leads</source>
            <translation>
                <numerusform>Перепризначити %n лід</numerusform>
                <numerusform>Перепризначити %n ліди</numerusform>
                <numerusform>Перепризначити %n лідів</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>To the managers ticked (evenly, in turn)</source>
            <translation>Позначеним менеджерам (порівну, по черзі)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>To a team's shared pool</source>
            <translation>У спільний пул команди</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Why (kept in each lead's history)</source>
            <translation>Чому (збережеться в історії кожного ліда)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reassign</source>
            <translation>Перепризначити</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Note:</source>
            <translation>Нотатка:</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Tick at least one manager.</source>
            <translation>Позначте хоча б одного менеджера.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose a team.</source>
            <translation>Виберіть команду.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Not reassigned: %1</source>
            <translation>Не перепризначено: %1</translation>
        </message>
    </context>
    <context>
        <name>ReminderPopup</name>
        <message>
            <location filename="../../src/workstation/views/workspace/myday.py" line="+39" />
            <source>Reminder</source>
            <translation>Нагадування</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call back</source>
            <translation>Передзвонити</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Due: %1</source>
            <translation>Термін: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Open lead</source>
            <translation>Відкрити ліда</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Snooze %1 min</source>
            <translation>Відкласти на %1 хв</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Dismiss</source>
            <translation>Закрити</translation>
        </message>
    </context>
    <context>
        <name>RetentionPage</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="+87" />
            <source>Keep recordings (days)</source>
            <translation>Зберігати записи (днів)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shortest call to sample (s)</source>
            <translation>Мінімальна тривалість дзвінка для вибірки (с)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>for ever</source>
            <translation>завжди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save settings</source>
            <translation>Зберегти налаштування</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Apply retention now…</source>
            <translation>Застосувати строк зберігання зараз…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved</source>
            <translation>Збережено</translation>
        </message>
        <message>
            <location line="+26" />
            <source>No recording is older than the retention (%1 kept: in review or disputed)</source>
            <translation>Записів, старших за строк зберігання, немає (залишено %1: на перевірці або оскаржені)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete recordings</source>
            <translation>Видалення записів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete %1 recordings from the shared store? Their calls and scores stay; %2 under review or disputed are kept.</source>
            <translation>Видалити записи (%1) зі спільного сховища? Дзвінки та оцінки залишаться; записи на перевірці або оскаржені (%2) збережуться.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Deleted %1 recordings</source>
            <translation>Видалено записів: %1</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../../src/workstation/views/review/__init__.py" line="+45" />
            <source>Call review</source>
            <translation>Оцінювання дзвінків</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Queue</source>
            <translation>Черга</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Missing recordings</source>
            <translation>Зниклі записи</translation>
        </message>
        <message>
            <location line="+2" />
            <source>My reviews</source>
            <translation>Мої оцінки</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Review</source>
            <translation>Оцінка</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/review/texts.py" line="+11" />
            <source>To review</source>
            <translation>На перевірку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scored</source>
            <translation>Оцінено</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+6" />
            <source>Acknowledged</source>
            <translation>Підтверджено</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Disputed</source>
            <translation>Оскаржено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolved</source>
            <translation>Вирішено</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Comment</source>
            <translation>Коментар</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dispute</source>
            <translation>Заперечення</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply</source>
            <translation>Відповідь</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No file</source>
            <translation>Немає файлу</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Empty file</source>
            <translation>Порожній файл</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shorter than the talk</source>
            <translation>Коротший за розмову</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Checksum mismatch</source>
            <translation>Не збігається контрольна сума</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Upload stuck</source>
            <translation>Завантаження зависло</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File with no call</source>
            <translation>Файл без дзвінка</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Consent given</source>
            <translation>Згоду отримано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Client refused recording</source>
            <translation>Клієнт відмовився від запису</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recorded without asking</source>
            <translation>Записано без запиту згоди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consent not known</source>
            <translation>Згода невідома</translation>
        </message>
    </context>
    <context>
        <name>ReviewAdminDialog</name>
        <message>
            <location filename="../../src/workstation/views/review/admin.py" line="+62" />
            <source>Call review settings</source>
            <translation>Налаштування оцінювання дзвінків</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scorecard</source>
            <translation>Оцінювальний лист</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retention and sampling</source>
            <translation>Зберігання та вибірка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recording access</source>
            <translation>Доступ до записів</translation>
        </message>
    </context>
    <context>
        <name>ReviewList</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="-87" />
            <source>When</source>
            <translation>Коли</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Company</source>
            <translation>Компанія</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Score</source>
            <translation>Оцінка</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Length %1</source>
            <translation>Тривалість %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>manager's fault</source>
            <translation>вина менеджера</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a critical item failed</source>
            <translation>провалено критичний пункт</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueue</name>
        <message>
            <location line="+155" />
            <source>Sample calls…</source>
            <translation>Вибрати дзвінки…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 calls to review, %2 disputes</source>
            <translation>Дзвінків на перевірку: %1, заперечень: %2</translation>
        </message>
    </context>
    <context>
        <name>RowsEditor</name>
        <message>
            <location filename="../../src/workstation/views/leadcard/rows.py" line="+27" />
            <source>work</source>
            <translation>робочий</translation>
        </message>
        <message>
            <location line="+1" />
            <source>mobile</source>
            <translation>мобільний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>home</source>
            <translation>домашній</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fax</source>
            <translation>факс</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Remove</source>
            <translation>Видалити</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Add</source>
            <translation>Додати</translation>
        </message>
        <message>
            <location line="+83" />
            <source>Full name</source>
            <translation>ПІБ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Position</source>
            <translation>Посада</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DM</source>
            <translation>ОПР</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision maker</source>
            <translation>Особа, що приймає рішення</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Call this number</source>
            <translation>Зателефонувати на цей номер</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="+22" />
            <source>Importing</source>
            <translation>Імпорт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All rows go in one transaction: a cancelled or failed import changes nothing.</source>
            <translation>Усі рядки записуються однією транзакцією: скасований або невдалий імпорт нічого не змінює.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next</source>
            <translation>Далі</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Cancel import</source>
            <translation>Скасувати імпорт</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Importing %1…</source>
            <translation>Імпорт %1…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Cancelling… (rolling back)</source>
            <translation>Скасування… (відкат)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Done.</source>
            <translation>Готово.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Import cancelled: nothing was changed.</source>
            <translation>Імпорт скасовано: нічого не змінено.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The file cannot be imported, nothing was changed: %1</source>
            <translation>Файл не можна імпортувати, нічого не змінено: %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Import failed, nothing was changed: %1</source>
            <translation>Імпорт не вдався, нічого не змінено: %1</translation>
        </message>
    </context>
    <context>
        <name>SampleDialog</name>
        <message>
            <location filename="../../src/workstation/views/review/lists.py" line="-56" />
            <source>Sample calls for review</source>
            <translation>Вибірка дзвінків на перевірку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>З</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls per manager</source>
            <translation>Дзвінків на менеджера</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Seed</source>
            <translation>Зерно вибірки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Unreviewed answered calls of each manager of your team, spread over outcomes, call lengths and hours; calls under the minimum length are left out.</source>
            <translation>Неперевірені дзвінки з розмовою кожного менеджера вашої команди, рівномірно за результатами, тривалістю та годинами; дзвінки, коротші за мінімальну тривалість, не беруться.</translation>
        </message>
    </context>
    <context>
        <name>ScorecardPanel</name>
        <message>
            <location filename="../../src/workstation/views/review/scorecard.py" line="+177" />
            <source>Yes</source>
            <translation>Так</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No</source>
            <translation>Ні</translation>
        </message>
        <message>
            <location line="+11" />
            <source>(critical)</source>
            <translation>(критичний)</translation>
        </message>
        <message>
            <location line="+38" />
            <source>No scorecard is configured yet (an admin sets the criteria)</source>
            <translation>Оцінювальний лист ще не налаштовано (критерії задає адміністратор)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Score: %1</source>
            <translation>Оцінка: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>failed: %1</source>
            <translation>провалено: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 not answered</source>
            <translation>без відповіді: %1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Select a call to review it</source>
            <translation>Виберіть дзвінок для оцінювання</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not reviewed yet</source>
            <translation>Ще не оцінено</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 · assigned to %2</source>
            <translation>%1 · призначено: %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 · reviewed by %2</source>
            <translation>%1 · перевірив(ла): %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>score %1</source>
            <translation>оцінка %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Criteria</source>
            <translation>Критерії</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager's fault</source>
            <translation>Вина менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The refusal was the manager's fault: the client was lost by the manager</source>
            <translation>Відмова з вини менеджера: клієнта втратив менеджер</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Summary for the manager</source>
            <translation>Підсумок для менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submit score</source>
            <translation>Поставити оцінку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comments (click one to hear that moment)</source>
            <translation>Коментарі (клацання — прослухати цей момент)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Comment at the player's position</source>
            <translation>Коментар до поточної позиції плеєра</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reply to the reviewer</source>
            <translation>Відповідь перевіряючому</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add comment</source>
            <translation>Додати коментар</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why (required to dispute)</source>
            <translation>Чому (обов'язково для заперечення)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer to the dispute</source>
            <translation>Відповідь на заперечення</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acknowledge</source>
            <translation>Підтвердити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispute</source>
            <translation>Оскаржити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolve dispute</source>
            <translation>Вирішити спір</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Saved</source>
            <translation>Збережено</translation>
        </message>
    </context>
    <context>
        <name>ScriptEditor</name>
        <message>
            <location filename="../../src/workstation/views/scripteditor/editor.py" line="+116" />
            <location line="+702" />
            <source>Call script editor</source>
            <translation>Редактор скриптів дзвінків</translation>
        </message>
        <message>
            <location line="-677" />
            <source>Save as new version</source>
            <translation>Зберегти як нову версію</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Store the script as a new version; older versions stay and calls keep the version they used</source>
            <translation>Зберегти скрипт як нову версію; старі версії залишаються, дзвінки зберігають використану версію</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Закрити</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Scripts</source>
            <translation>Скрипти</translation>
        </message>
        <message>
            <location line="+20" />
            <source>New</source>
            <translation>Новий</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import…</source>
            <translation>Імпорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export…</source>
            <translation>Експорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open a script from a JSON file</source>
            <translation>Відкрити скрипт з файлу JSON</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the script being edited to a JSON file</source>
            <translation>Записати скрипт, що редагується, у файл JSON</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Steps</source>
            <translation>Кроки</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Add step</source>
            <translation>Додати крок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove step</source>
            <translation>Видалити крок</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Script</source>
            <translation>Скрипт</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Stable code; saving under a new code starts a new script</source>
            <translation>Постійний код; збереження під новим кодом створює новий скрипт</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Leads with this topic get this script</source>
            <translation>Ліди з цією тематикою отримують цей скрипт</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Warn the manager past this many info-occasions in one call</source>
            <translation>Попереджати менеджера, якщо інфоприводів за дзвінок більше за це число</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Code:</source>
            <translation>Код:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>Назва:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic:</source>
            <translation>Тематика:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Language:</source>
            <translation>Мова:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start step:</source>
            <translation>Перший крок:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Info-occasions per call:</source>
            <translation>Інфоприводів за дзвінок:</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Step</source>
            <translation>Крок</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Renaming a step relinks the answers that lead to it</source>
            <translation>Під час перейменування кроку відповіді, що ведуть до нього, переприв'язуються</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Objections and info-occasions can be opened from any step; their @return answers go back</source>
            <translation>Заперечення та інфоприводи відкриваються з будь-якого кроку; їхні відповіді @return повертають назад</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kind:</source>
            <translation>Вид:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Stage:</source>
            <translation>Етап:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Id:</source>
            <translation>Id:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Title:</source>
            <translation>Заголовок:</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What the manager says; variables are filled in during the call</source>
            <translation>Що каже менеджер; змінні підставляються під час дзвінка</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Insert:</source>
            <translation>Вставити:</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Text:</source>
            <translation>Текст:</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Client's answers:</source>
            <translation>Відповіді клієнта:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add answer</source>
            <translation>Додати відповідь</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove answer</source>
            <translation>Видалити відповідь</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Preview with sample values</source>
            <translation>Попередній перегляд із прикладами значень</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+109" />
            <source>Problems</source>
            <translation>Проблеми</translation>
        </message>
        <message>
            <location line="-88" />
            <source>The contact person's name</source>
            <translation>Ім'я контактної особи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The lead's company</source>
            <translation>Компанія ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The manager's name</source>
            <translation>Ім'я менеджера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The product or topic</source>
            <translation>Продукт або тематика</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Olena Petrenko</source>
            <translation>Олена Петренко</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Acme Trading LLC</source>
            <translation>ТОВ «Альфа Трейд»</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ivan Moroz</source>
            <translation>Іван Мороз</translation>
        </message>
        <message>
            <location line="+0" />
            <source>financial consulting</source>
            <translation>фінансовий консалтинг</translation>
        </message>
        <message numerus="yes">
            <location line="+77" />
            <source>Problems (%n)</source>
            <translation>
                <numerusform>Проблеми (%n)</numerusform>
                <numerusform>Проблеми (%n)</numerusform>
                <numerusform>Проблеми (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>No problems: the script can be saved.</source>
            <translation>Проблем немає: скрипт можна зберегти.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1: not saved yet</source>
            <translation>%1: ще не збережено</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1: editing version %2</source>
            <translation>%1: редагування версії %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>unsaved changes</source>
            <translation>незбережені зміни</translation>
        </message>
        <message>
            <location line="+73" />
            <source>A step with id %1 already exists.</source>
            <translation>Крок з id %1 вже існує.</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Step %1 removed; answers that led to it are listed under Problems.</source>
            <translation>Крок %1 видалено; відповіді, що вели до нього, перелічено в «Проблемах».</translation>
        </message>
        <message numerus="yes">
            <location line="+147" />
            <source>Not saved: fix the problems first (%n).</source>
            <translation>
                <numerusform>Не збережено: спочатку виправте %n проблему.</numerusform>
                <numerusform>Не збережено: спочатку виправте %n проблеми.</numerusform>
                <numerusform>Не збережено: спочатку виправте %n проблем.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saving…</source>
            <translation>Збереження…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Saved as version %1; earlier versions are kept.</source>
            <translation>Збережено як версію %1; попередні версії збережено.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The script was not saved.</source>
            <translation>Скрипт не збережено.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Import a call script</source>
            <translation>Імпорт скрипту дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call scripts (*.json);;All files (*)</source>
            <translation>Скрипти дзвінків (*.json);;Усі файли (*)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The file was not imported.</source>
            <translation>Файл не імпортовано.</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
            <source>Imported %1 with problems to fix (%n).</source>
            <translation>
                <numerusform>Імпортовано %1, є %n проблема для виправлення.</numerusform>
                <numerusform>Імпортовано %1, є %n проблеми для виправлення.</numerusform>
                <numerusform>Імпортовано %1, є %n проблем для виправлення.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>Imported %1; save to store it as a new version.</source>
            <translation>Імпортовано %1; збережіть, щоб записати як нову версію.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export the call script</source>
            <translation>Експорт скрипту дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call scripts (*.json)</source>
            <translation>Скрипти дзвінків (*.json)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The script was not exported.</source>
            <translation>Скрипт не експортовано.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exported to %1.</source>
            <translation>Експортовано в %1.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Something went wrong.</source>
            <translation>Щось пішло не так.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Unsaved changes</source>
            <translation>Незбережені зміни</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The script has unsaved changes. Discard them?</source>
            <translation>У скрипті є незбережені зміни. Відкинути їх?</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/scripteditor/models.py" line="+35" />
            <source>Say</source>
            <translation>Сказати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Question</source>
            <translation>Питання</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection</source>
            <translation>Заперечення</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Info-occasion</source>
            <translation>Інфопривід</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closing</source>
            <translation>Закриття</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(none)</source>
            <translation>(немає)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preparation</source>
            <translation>Підготовка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secretary</source>
            <translation>Секретар</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>Контакт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negotiation</source>
            <translation>Переговори</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commitment</source>
            <translation>Зобов'язання</translation>
        </message>
        <message>
            <location line="+24" />
            <source>↩ back (@return)</source>
            <translation>↩ назад (@return)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>■ end (@end)</source>
            <translation>■ кінець (@end)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Назва</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>Тематика</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Version</source>
            <translation>Версія</translation>
        </message>
        <message>
            <location line="+32" />
            <source>%1 versions stored; language %2</source>
            <translation>Збережено версій: %1; мова %2</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Client's answer</source>
            <translation>Відповідь клієнта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next step</source>
            <translation>Наступний крок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hints for the wrap-up</source>
            <translation>Підказки для підсумків дзвінка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Optional, e.g. result=positive; lead_type=interested; tools=offer_sent, presentation
Keys: %1
Tools: %2</source>
            <translation>Необов'язково, наприклад result=positive; lead_type=interested; tools=offer_sent, presentation
Ключі: %1
Інструменти: %2</translation>
        </message>
    </context>
    <context>
        <name>ScriptPane</name>
        <message>
            <location filename="../../src/workstation/views/workspace/script_pane.py" line="+138" />
            <source>Objections and info-occasions</source>
            <translation>Заперечення та інфоприводи</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Back</source>
            <translation>Назад</translation>
        </message>
        <message>
            <location line="+81" />
            <source>No script</source>
            <translation>Немає скрипту</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no call script for this topic.</source>
            <translation>Для цієї тематики немає скрипту дзвінка.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>End of the script: fill in the wrap-up</source>
            <translation>Кінець скрипту: заповніть підсумки дзвінка</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Info-occasions: %1 of %2</source>
            <translation>Інфоприводи: %1 з %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>more than %1 in one call: send one by e-mail and call again with a new one</source>
            <translation>більше %1 за дзвінок: надішліть один e-mail і передзвоніть з новим</translation>
        </message>
    </context>
    <context>
        <name>ScriptProblems</name>
        <message>
            <location filename="../../src/workstation/domain/scripts.py" line="+102" />
            <source>step '{id}'</source>
            <translation>крок «{id}»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>step #{n}</source>
            <translation>крок №{n}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>say</source>
            <translation>репліка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>question</source>
            <translation>питання</translation>
        </message>
        <message>
            <location line="+1" />
            <source>objection</source>
            <translation>заперечення</translation>
        </message>
        <message>
            <location line="+1" />
            <source>info_occasion</source>
            <translation>інфопривід</translation>
        </message>
        <message>
            <location line="+1" />
            <source>close</source>
            <translation>завершення</translation>
        </message>
        <message>
            <location line="+70" />
            <source>bad braces in text {text}: {error}</source>
            <translation>помилка у фігурних дужках у тексті {text}: {error}</translation>
        </message>
        <message>
            <location line="+49" />
            <source>script code is empty</source>
            <translation>не вказано код сценарію</translation>
        </message>
        <message>
            <location line="+2" />
            <source>script has no steps</source>
            <translation>у сценарії немає кроків</translation>
        </message>
        <message>
            <location line="+2" />
            <source>start step '{id}' does not exist</source>
            <translation>початкового кроку «{id}» немає</translation>
        </message>
        <message>
            <location line="+3" />
            <source>max_info_occasions must be at least 1, got {n}</source>
            <translation>максимум інфоприводів має бути не менше 1, вказано {n}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{where}: a step id must be non-empty and not start with '@'</source>
            <translation>{where}: ідентифікатор кроку не може бути порожнім або починатися з «@»</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: text is empty</source>
            <translation>{where}: текст порожній</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: {problem}</source>
            <translation>{where}: {problem}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: unknown variable {name} (known: {known})</source>
            <translation>{where}: невідома змінна {name} (відомі: {known})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: a {kind} step needs at least one answer (only close steps may end the script)</source>
            <translation>{where}: кроку виду «{kind}» потрібна хоча б одна відповідь (закінчити сценарій може лише крок завершення)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{where}: answer id '{answer}' is used twice</source>
            <translation>{where}: ідентифікатор відповіді «{answer}» використано двічі</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: answer '{answer}' has no label</source>
            <translation>{where}: у відповіді «{answer}» немає тексту</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{where}: answer '{answer}' leads to missing step '{target}'</source>
            <translation>{where}: відповідь «{answer}» веде на неіснуючий крок «{target}»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: answer '{answer}': {problem}</source>
            <translation>{where}: відповідь «{answer}»: {problem}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{where}: unreachable from the start step '{start}' or any objection/info-occasion step</source>
            <translation>{where}: недосяжний ні з початкового кроку «{start}», ні з кроків заперечень та інфоприводів</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{where}: uses {ret} but is not reached from an objection or info-occasion step</source>
            <translation>{where}: використовує {ret}, але в нього не потрапити з кроку заперечення чи інфоприводу</translation>
        </message>
        <message>
            <location line="+39" />
            <source>a script must be a JSON object</source>
            <translation>сценарій має бути об'єктом JSON</translation>
        </message>
        <message>
            <location line="+5" />
            <source>'steps' must be a list of step objects</source>
            <translation>«steps» має бути списком об'єктів-кроків</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{where}: must be an object</source>
            <translation>{where}: має бути об'єктом</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{where}: 'id' is missing</source>
            <translation>{where}: немає «id»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{where}: id is used twice</source>
            <translation>{where}: ідентифікатор використано двічі</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{where}: 'kind' must be one of {kinds}, got {got}</source>
            <translation>{where}: «kind» має бути одним із {kinds}, вказано {got}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{where}: 'answers' must be a list</source>
            <translation>{where}: «answers» має бути списком</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{where}: answer #{m} must be an object with 'next'</source>
            <translation>{where}: відповідь №{m} має бути об'єктом із «next»</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{where}: answer #{m}: 'hints' must be an object</source>
            <translation>{where}: відповідь №{m}: «hints» має бути об'єктом</translation>
        </message>
        <message>
            <location line="+16" />
            <source>'max_info_occasions' must be a whole number</source>
            <translation>«max_info_occasions» має бути цілим числом</translation>
        </message>
        <message>
            <location line="+20" />
            <source>line {line} column {column}: {error}</source>
            <translation>рядок {line}, стовпець {column}: {error}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>unknown hint '{key}' (known: {known})</source>
            <translation>невідома підказка «{key}» (відомі: {known})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hint result {value} is not one of {known}</source>
            <translation>підказка result {value} — не одне з {known}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>hint lead_type {value} is not a lead type</source>
            <translation>підказка lead_type {value} — не тип ліда</translation>
        </message>
        <message>
            <location line="+4" />
            <source>hint tools must be a list of {known}</source>
            <translation>підказка tools має бути списком із {known}</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/scripteditor/storage.py" line="+34" />
            <source>not UTF-8 text (byte {n})</source>
            <translation>текст не в UTF-8 (байт {n})</translation>
        </message>
    </context>
    <context>
        <name>ScriptTab</name>
        <message>
            <location filename="../../src/workstation/views/funnel/__init__.py" line="+1" />
            <source>Script analytics</source>
            <translation>Аналітика скриптів</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/funnel/script_tab.py" line="+21" />
            <source>Say</source>
            <translation>Репліка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Question</source>
            <translation>Питання</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objection</source>
            <translation>Заперечення</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Info occasion</source>
            <translation>Інфопривід</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>Закриття</translation>
        </message>
        <message>
            <location line="+40" />
            <source>%1 rows written to %2</source>
            <translation>Записано рядків: %1, файл %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Script:</source>
            <translation>Скрипт:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Where calls end, step by step</source>
            <translation>Де закінчуються дзвінки, по кроках</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 v%2 (%3 calls)</source>
            <translation>%1 в%2 (дзвінків: %3)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Reading…</source>
            <translation>Читання…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Stopped: the numbers shown are as of the time above</source>
            <translation>Зупинено: показано числа на час вище</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Could not read the script analytics: %1</source>
            <translation>Не вдалося прочитати аналітику скриптів: %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Step</source>
            <translation>Крок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reached</source>
            <translation>Дійшли</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Ended here</source>
            <translation>Закінчилися тут</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No result</source>
            <translation>Без результату</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop-off</source>
            <translation>Відсів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls whose walk entered this step</source>
            <translation>Дзвінки, що пройшли через цей крок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls whose walk stopped at this step</source>
            <translation>Дзвінки, що зупинилися на цьому кроці</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calls that stopped here with this result</source>
            <translation>Дзвінки, що зупинилися тут з цим результатом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stopped here without a positive result, of the calls that reached the step</source>
            <translation>Зупинилися тут без позитивного результату, з тих, що дійшли до кроку</translation>
        </message>
        <message>
            <location line="+16" />
            <source>The weakest step</source>
            <translation>Найслабший крок</translation>
        </message>
        <message>
            <location line="+19" />
            <source>reached the step</source>
            <translation>дійшли до кроку</translation>
        </message>
        <message>
            <location line="+0" />
            <source>ended there</source>
            <translation>закінчилися на ньому</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No script has been used in a call yet.</source>
            <translation>Скрипти в дзвінках ще не використовувалися.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 answered calls walked this version.</source>
            <translation>Відповіданих дзвінків за цією версією: %1.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Weakest step: %1 (%2 of the calls reaching it end there without a positive result).</source>
            <translation>Найслабший крок: %1 (%2 дзвінків, що дійшли до нього, закінчуються на ньому без позитивного результату).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Double-click a number to see the calls behind it</source>
            <translation>Подвійне клацання по числу покаже дзвінки за ним</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Calls behind the number</source>
            <translation>Дзвінки за числом</translation>
        </message>
    </context>
    <context>
        <name>SecretField</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="-78" />
            <source>Not stored</source>
            <translation>Не збережено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No system keyring is available on this computer, so passwords are not stored. A password typed here is kept in memory until the app closes; otherwise it is asked for when it is needed.</source>
            <translation>На цьому комп'ютері немає системного сховища паролів, тому паролі не зберігаються. Введений тут пароль зберігається в пам'яті до закриття програми; інакше його буде запитано, коли він знадобиться.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Stored in the system keyring; type to replace</source>
            <translation>Зберігається в системному сховищі паролів; введіть, щоб замінити</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not set</source>
            <translation>Не задано</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Passwords are kept in the system keyring, never in files.</source>
            <translation>Паролі зберігаються в системному сховищі паролів, а не у файлах.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../src/workstation/views/settings/dialog.py" line="+35" />
            <location line="+35" />
            <location line="+8" />
            <source>Settings</source>
            <translation>Налаштування</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settings were not saved: %1</source>
            <translation>Налаштування не збережено: %1</translation>
        </message>
    </context>
    <context>
        <name>SipPage</name>
        <message>
            <location filename="../../src/workstation/views/settings/pages.py" line="+107" />
            <source>Off</source>
            <translation>Вимкнено</translation>
        </message>
        <message>
            <location line="+0" />
            <source>When the other side can</source>
            <translation>Коли інша сторона вміє</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Always (calls without it fail)</source>
            <translation>Завжди (дзвінки без нього не відбудуться)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>SIP account</source>
            <translation>SIP-акаунт</translation>
        </message>
    </context>
    <context>
        <name>SipPageForm</name>
        <message>
            <location filename="../../ui/settings_sip.ui" line="+6" />
            <source>SIP account</source>
            <translation>SIP-акаунт</translation>
        </message>
        <message>
            <location line="+4" />
            <source>User name</source>
            <translation>Ім'я користувача</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Domain (registrar)</source>
            <translation>Домен (реєстратор)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Outbound proxy</source>
            <translation>Вихідний проксі</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Transport</source>
            <translation>Транспорт</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Call audio encryption (SRTP)</source>
            <translation>Шифрування звуку дзвінків (SRTP)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>TLS CA file</source>
            <translation>Файл ЦС для TLS</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Empty: the system's trusted CAs</source>
            <translation>Порожньо: довірені ЦС системи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PEM file of the CA that signed the PBX's TLS certificate</source>
            <translation>PEM-файл центру сертифікації, що підписав TLS-сертифікат АТС</translation>
        </message>
    </context>
    <context>
        <name>SipWizardPage</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="+107" />
            <source>SIP account</source>
            <translation>SIP-акаунт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The phone account from your PBX. Leave the user name empty to set it up later (the softphone stays off).</source>
            <translation>Телефонний обліковий запис вашої АТС. Залиште ім'я користувача порожнім, щоб налаштувати його пізніше (софтфон буде вимкнено).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Test registration</source>
            <translation>Перевірити реєстрацію</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Type the user name and the domain (the PBX address).</source>
            <translation>Введіть ім'я користувача та домен (адресу АТС).</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Registering…</source>
            <translation>Реєстрація…</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Registered with %1.</source>
            <translation>Зареєстровано на %1.</translation>
        </message>
    </context>
    <context>
        <name>SoftphoneWidget</name>
        <message>
            <location filename="../../src/workstation/views/softphone/widget.py" line="+224" />
            <source>Number or SIP address</source>
            <translation>Номер або SIP-адреса</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Pad</source>
            <translation>Клавіатура</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Dial pad (sends DTMF during a call)</source>
            <translation>Номеронабирач (під час дзвінка надсилає DTMF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Call the number</source>
            <translation>Зателефонувати на номер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer</source>
            <translation>Відповісти</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer (%1)</source>
            <translation>Відповісти (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reject</source>
            <translation>Відхилити</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reject the call as busy</source>
            <translation>Відхилити дзвінок як «зайнято»</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up</source>
            <translation>Покласти слухавку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hang up (%1)</source>
            <translation>Покласти слухавку (%1)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hold</source>
            <translation>Утримання</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Put the call on hold / resume it</source>
            <translation>Поставити дзвінок на утримання / продовжити</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mute</source>
            <translation>Без звуку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop sending your microphone (%1)</source>
            <translation>Вимкнути ваш мікрофон (%1)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+141" />
            <source>Transfer</source>
            <translation>Перевести</translation>
        </message>
        <message>
            <location line="-141" />
            <source>Transfer the call (blind)</source>
            <translation>Перевести дзвінок (без консультації)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consult…</source>
            <translation>Консультація…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attended transfer: hold this call and call the person to transfer it to (%1)</source>
            <translation>Переведення з консультацією: утримати цей дзвінок і зателефонувати тому, кому його перевести (%1)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Registered</source>
            <translation>Зареєстровано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registering…</source>
            <translation>Реєстрація…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not registered</source>
            <translation>Не зареєстровано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Offline</source>
            <translation>Не в мережі</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not registered: %1</source>
            <translation>Не зареєстровано: %1</translation>
        </message>
        <message>
            <location line="+172" />
            <source>Calling…</source>
            <translation>Виклик…</translation>
        </message>
        <message>
            <location line="-56" />
            <source>Transfer the call to (number or SIP address):</source>
            <translation>Перевести дзвінок на (номер або SIP-адреса):</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Transferring…</source>
            <translation>Переведення…</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Incoming call from %1</source>
            <translation>Вхідний дзвінок від %1</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Incoming call</source>
            <translation>Вхідний дзвінок</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Ringing…</source>
            <translation>Дзвонить…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Call ended: %1 %2</source>
            <translation>Дзвінок завершено: %1 %2</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Signalling over TLS and the audio encrypted (SRTP)</source>
            <translation>Сигналізація через TLS, звук зашифрований (SRTP)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The audio is encrypted (SRTP), but its keys went over signalling that is not encrypted</source>
            <translation>Звук зашифрований (SRTP), але його ключі передано незашифрованою сигналізацією</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The call's audio is not encrypted</source>
            <translation>Звук дзвінка не зашифрований</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Incoming call: auto-answer in %1 s</source>
            <translation>Вхідний дзвінок: автовідповідь через %1 с</translation>
        </message>
        <message>
            <location line="+5" />
            <source>In call %1</source>
            <translation>Розмова %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>on hold</source>
            <translation>на утриманні</translation>
        </message>
        <message>
            <location line="+2" />
            <source>muted</source>
            <translation>звук вимкнено</translation>
        </message>
    </context>
    <context>
        <name>Stats</name>
        <message>
            <location filename="../../src/workstation/views/stats/__init__.py" line="+16" />
            <location line="+26" />
            <location filename="../../src/workstation/views/stats/widget.py" line="+442" />
            <source>Statistics</source>
            <translation>Статистика</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/stats/model.py" line="+18" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No answer</source>
            <translation>Не відповів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Зайнято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Помилка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Success</source>
            <translation>Успішно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Total</source>
            <translation>Разом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk time</source>
            <translation>Розмова</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Average talk</source>
            <translation>Середня розмова</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: no answer</source>
            <translation>Дзвінок: не відповів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: busy</source>
            <translation>Дзвінок: зайнято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: error</source>
            <translation>Дзвінок: помилка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time: success</source>
            <translation>Дзвінок: успішно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call time</source>
            <translation>Час дзвінків</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective calls</source>
            <translation>Результативні дзвінки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentations</source>
            <translation>Презентації</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentations assigned</source>
            <translation>Презентації: доручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoices</source>
            <translation>Рахунки</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoices assigned</source>
            <translation>Рахунки: доручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice sum</source>
            <translation>Сума рахунків</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision-maker contacts</source>
            <translation>Контакти з ОПР</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision-maker contacts assigned</source>
            <translation>Контакти з ОПР: доручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo accesses</source>
            <translation>Демодоступи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo accesses assigned</source>
            <translation>Демодоступи: доручено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warm clients</source>
            <translation>Теплі клієнти</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sales</source>
            <translation>Продажі</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No plan</source>
            <translation>Без плану</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Behind the plan</source>
            <translation>Відставання від плану</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On track</source>
            <translation>За планом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ahead of the plan</source>
            <translation>Випередження плану</translation>
        </message>
        <message>
            <location line="+78" />
            <location filename="../../src/workstation/views/stats/widget.py" line="-42" />
            <location line="+29" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1
Plan for the period: %2
Expected by now: %3
Done: %4</source>
            <translation>%1
План на період: %2
Очікується на цей час: %3
Зроблено: %4</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Double-click to see the calls behind this number</source>
            <translation>Подвійне клацання — дзвінки, з яких складається це число</translation>
        </message>
        <message>
            <location filename="../../src/workstation/views/stats/widget.py" line="-254" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Week</source>
            <translation>Тиждень</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Month</source>
            <translation>Місяць</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Range</source>
            <translation>Період</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Period:</source>
            <translation>Період:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team:</source>
            <translation>Команда:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Manager:</source>
            <translation>Менеджер:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous period</source>
            <translation>Попередній період</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next period</source>
            <translation>Наступний період</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export</source>
            <translation>Експорт</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Table as CSV…</source>
            <translation>Таблиця в CSV…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Table as XLSX…</source>
            <translation>Таблиця в XLSX…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Calls per hour as CSV…</source>
            <translation>Дзвінки за годинами в CSV…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Calls per hour as XLSX…</source>
            <translation>Дзвінки за годинами в XLSX…</translation>
        </message>
        <message>
            <location line="+21" />
            <source>All teams</source>
            <translation>Усі команди</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Everybody</source>
            <translation>Усі</translation>
        </message>
        <message>
            <location line="+101" />
            <source>Could not read the statistics: %1</source>
            <translation>Не вдалося прочитати статистику: %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Reading…</source>
            <translation>Читання…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>As of %1 (%2)</source>
            <translation>Дані на %1 (%2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>local time</source>
            <translation>місцевий час</translation>
        </message>
        <message>
            <location line="+5" />
            <source>never</source>
            <translation>ніколи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shared database unreachable: other managers' calls as of %1</source>
            <translation>Спільна база недоступна: дзвінки інших менеджерів на %1</translation>
        </message>
        <message>
            <location line="+39" />
            <source>The charts are still being read.</source>
            <translation>Графіки ще читаються.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Answered, %</source>
            <translation>Відповіли, %</translation>
        </message>
        <message>
            <location line="+11" />
            <source>CSV files (*.csv)</source>
            <translation>Файли CSV (*.csv)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Книги Excel (*.xlsx)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+7" />
            <location line="+32" />
            <source>Export statistics</source>
            <translation>Експорт статистики</translation>
        </message>
        <message>
            <location line="-27" />
            <source>%1: plan</source>
            <translation>%1: план</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Exporting…</source>
            <translation>Експорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Скасувати</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The file was not written: %1</source>
            <translation>Файл не записано: %1</translation>
        </message>
    </context>
    <context>
        <name>StatsCharts</name>
        <message>
            <location filename="../../src/workstation/views/stats/charts.py" line="+55" />
            <source>Calls per hour</source>
            <translation>Дзвінки за годинами</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome mix</source>
            <translation>Підсумки дзвінків</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Effective calls by week</source>
            <translation>Результативні за тижнями</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Answer rate by hour</source>
            <translation>Додзвін за годинами</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Others (average)</source>
            <translation>Інші (в середньому)</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+22" />
            <source>Calls</source>
            <translation>Дзвінки</translation>
        </message>
        <message>
            <location line="-21" />
            <location line="+48" />
            <source>Hour of day</source>
            <translation>Година дня</translation>
        </message>
        <message>
            <location line="-43" />
            <source>No answer</source>
            <translation>Не відповів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Зайнято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Помилка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Success</source>
            <translation>Успішно</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Effective calls (bars) and plan (line)</source>
            <translation>Результативні (стовпці) і план (лінія)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Week starting</source>
            <translation>Тиждень з</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Answered, %</source>
            <translation>Відповіли, %</translation>
        </message>
    </context>
    <context>
        <name>StatsDrill</name>
        <message>
            <location filename="../../src/workstation/views/stats/drill.py" line="+24" />
            <source>No answer</source>
            <translation>Не відповів</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Busy</source>
            <translation>Зайнято</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Помилка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Success</source>
            <translation>Успішно</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Positive</source>
            <translation>Позитивний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Negative</source>
            <translation>Негативний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Satisfactory</source>
            <translation>Задовільний</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undefined</source>
            <translation>Невизначений</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Started</source>
            <translation>Початок</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>Lead</source>
            <translation>Лід</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Outcome</source>
            <translation>Підсумок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Talk</source>
            <translation>Розмова</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show in the calls browser</source>
            <translation>Показати в журналі дзвінків</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Loading…</source>
            <translation>Завантаження…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Could not read the list: %1</source>
            <translation>Не вдалося прочитати список: %1</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <location filename="../../src/workstation/views/importwizard/wizard.py" line="+14" />
            <source>Import finished</source>
            <translation>Імпорт завершено</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Rows read: %1. New leads: %2. Merged into existing leads: %3. Rejected rows: %4. Warnings: %5.</source>
            <translation>Прочитано рядків: %1. Нових лідів: %2. Об'єднано з наявними: %3. Відхилено рядків: %4. Попереджень: %5.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Rejected rows and warnings were written to %1</source>
            <translation>Відхилені рядки та попередження записано в %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No rows were rejected.</source>
            <translation>Відхилених рядків немає.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>warning</source>
            <translation>попередження</translation>
        </message>
        <message>
            <location line="+0" />
            <source>rejected</source>
            <translation>відхилено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>line %1, %2: %3</source>
            <translation>рядок %1, %2: %3</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../../src/workstation/views/syncstatus.py" line="+38" />
            <source>Local only</source>
            <translation>Лише локально</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No shared database is set: this workstation works alone.</source>
            <translation>Спільну базу даних не задано: це робоче місце працює автономно.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Synced</source>
            <translation>Синхронізовано</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Offline</source>
            <translation>Не в мережі</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%1 · %n waiting</source>
            <translation>
                <numerusform>%1 · %n очікує</numerusform>
                <numerusform>%1 · %n очікують</numerusform>
                <numerusform>%1 · %n очікують</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%1 · %n refused</source>
            <translation>
                <numerusform>%1 · %n відхилено</numerusform>
                <numerusform>%1 · %n відхилено</numerusform>
                <numerusform>%1 · %n відхилено</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 · not verified</source>
            <translation>%1 · не перевірено</translation>
        </message>
        <message>
            <location line="+3" />
            <source>never</source>
            <translation>ніколи</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shared database: %1
Changes waiting to be sent: %2
Last sync: %3</source>
            <translation>Спільна база даних: %1
Змін очікують надсилання: %2
Остання синхронізація: %3</translation>
        </message>
        <message>
            <location line="+1" />
            <source>connected</source>
            <translation>підключено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unreachable; changes are kept and sent later</source>
            <translation>недоступна; зміни збережено й буде надіслано пізніше</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The connection does not check the server's certificate (db.allow_insecure_tls): someone on the network could pose as it.</source>
            <translation>З'єднання не перевіряє сертифікат сервера (db.allow_insecure_tls): хтось у мережі може видати себе за нього.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n change(s) refused by the shared database and kept on this workstation (workstation sync status lists them):</source>
            <translation>
                <numerusform>%n зміну відхилено спільною базою і збережено на цьому робочому місці (перелік: workstation sync status):</numerusform>
                <numerusform>%n зміни відхилено спільною базою і збережено на цьому робочому місці (перелік: workstation sync status):</numerusform>
                <numerusform>%n змін відхилено спільною базою і збережено на цьому робочому місці (перелік: workstation sync status):</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TablePanel</name>
        <message>
            <location filename="../../src/workstation/views/funnel/common.py" line="+85" />
            <source>Export…</source>
            <translation>Експорт…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save this table as CSV or XLSX</source>
            <translation>Зберегти таблицю в CSV або XLSX</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Export the table</source>
            <translation>Експорт таблиці</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
            <translation>Книга Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Export failed: %1</source>
            <translation>Експорт не вдався: %1</translation>
        </message>
    </context>
    <context>
        <name>TeamsPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-290" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Active members</source>
            <translation>Активних учасників</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Team name</source>
            <translation>Назва команди</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add team</source>
            <translation>Додати команду</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rename</source>
            <translation>Перейменувати</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Видалити</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Select a team first.</source>
            <translation>Спочатку виберіть команду.</translation>
        </message>
    </context>
    <context>
        <name>TelephonyEngine</name>
        <message>
            <location filename="../../src/workstation/telephony/engine.py" line="+152" />
            <source>sip.srtp: expected off, optional or mandatory, got %1</source>
            <translation>sip.srtp: очікується off, optional або mandatory, отримано %1</translation>
        </message>
        <message>
            <location line="+36" />
            <source>SIP account error: %1</source>
            <translation>Помилка SIP-акаунта: %1</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/transports.py" line="+64" />
            <source>TLS: the CA file %1 (sip.tls_ca_file) does not exist</source>
            <translation>TLS: файлу центру сертифікації %1 (sip.tls_ca_file) не існує</translation>
        </message>
        <message>
            <location line="+4" />
            <source>TLS: no trusted CA certificates found on this computer; set sip.tls_ca_file</source>
            <translation>TLS: на цьому комп'ютері не знайдено довірених сертифікатів центрів сертифікації; задайте sip.tls_ca_file</translation>
        </message>
        <message>
            <location line="+68" />
            <source>TLS: the PBX's certificate was refused: %1</source>
            <translation>TLS: сертифікат АТС відхилено: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>TLS: the PBX's certificate has expired (or is not valid yet)</source>
            <translation>TLS: сертифікат АТС прострочений (або ще не чинний)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>TLS: the PBX's certificate is not for the host name %1</source>
            <translation>TLS: сертифікат АТС видано не на ім'я хоста %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>TLS: the PBX's certificate is signed by an unknown CA (self-signed, or not in sip.tls_ca_file)</source>
            <translation>TLS: сертифікат АТС підписаний невідомим центром сертифікації (самопідписаний або його немає в sip.tls_ca_file)</translation>
        </message>
        <message>
            <location line="+30" />
            <source>TLS: no secure connection to the PBX (%1); this softphone needs TLS 1.2</source>
            <translation>TLS: немає захищеного з'єднання з АТС (%1); цьому софтфону потрібен TLS 1.2</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/signalling.py" line="+76" />
            <source>The call has already ended.</source>
            <translation>Дзвінок уже завершено.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Enter a number to call.</source>
            <translation>Введіть номер для дзвінка.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No SIP account is set up: cannot dial a number.</source>
            <translation>SIP-акаунт не налаштовано: зателефонувати неможливо.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The SIP engine is not running.</source>
            <translation>SIP-рушій не запущено.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cannot call %1: %2</source>
            <translation>Не вдається зателефонувати на %1: %2</translation>
        </message>
        <message>
            <location line="+129" />
            <source>DTMF digits must be 0-9, *, #, A-D.</source>
            <translation>Цифри DTMF: 0-9, *, #, A-D.</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/callmedia.py" line="+161" />
            <source>Cannot record the call: %1</source>
            <translation>Не вдається записати дзвінок: %1</translation>
        </message>
        <message>
            <location filename="../../src/workstation/telephony/lines.py" line="+114" />
            <source>Both calls must be answered to join them.</source>
            <translation>Щоб об'єднати дзвінки, обидва мають бути прийняті.</translation>
        </message>
        <message>
            <location line="+82" />
            <source>Could not send the call to voicemail: %1</source>
            <translation>Не вдалося перевести дзвінок на голосову пошту: %1</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <location filename="../../src/workstation/views/tray.py" line="+24" />
            <source>Show Workstation</source>
            <translation>Показати робоче місце</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Quit</source>
            <translation>Вихід</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <location filename="../../src/workstation/views/admin/dialog.py" line="-153" />
            <source>Login</source>
            <translation>Логін</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>Назва</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Team</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP extension</source>
            <translation>Внутрішній номер SIP</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SIP user name</source>
            <translation>Ім'я користувача SIP</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+15" />
            <source>Active</source>
            <translation>Активний</translation>
        </message>
        <message>
            <location line="+6" />
            <source>to make the login in the shared database</source>
            <translation>щоб створити вхід у спільній базі</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The SIP password is not kept here: each user enters it in Settings on their own workstation, where it stays in the system keyring.</source>
            <translation>Пароль SIP тут не зберігається: кожен користувач вводить його в Налаштуваннях на своїй станції, де він лишається в системному сховищі ключів.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Login:</source>
            <translation>Логін:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>Назва:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Role:</source>
            <translation>Роль:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Team:</source>
            <translation>Команда:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP extension:</source>
            <translation>Внутрішній номер SIP:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SIP user name:</source>
            <translation>Ім'я користувача SIP:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Database password:</source>
            <translation>Пароль бази даних:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add user</source>
            <translation>Додати користувача</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save changes</source>
            <translation>Зберегти зміни</translation>
        </message>
        <message>
            <location line="+21" />
            <source>— no team —</source>
            <translation>— без команди —</translation>
        </message>
        <message>
            <location line="+6" />
            <source>yes</source>
            <translation>так</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>ні</translation>
        </message>
    </context>
    <context>
        <name>WaveformView</name>
        <message>
            <location filename="../../src/workstation/views/calls/waveform.py" line="+163" />
            <source>ringing</source>
            <translation>дзвонить</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Client</source>
            <translation>Клієнт</translation>
        </message>
    </context>
    <context>
        <name>WrapUp</name>
        <message>
            <location filename="../../src/workstation/views/workspace/wrapup.py" line="+37" />
            <source>Offer sent</source>
            <translation>КП надіслано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presentation</source>
            <translation>Презентація</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo access</source>
            <translation>Демодоступ</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decision-maker contact</source>
            <translation>Контакт з ОПР</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Invoice</source>
            <translation>Рахунок</translation>
        </message>
    </context>
    <context>
        <name>WrapUpForm</name>
        <message>
            <location line="+50" />
            <location line="+5" />
            <source>— choose —</source>
            <translation>— оберіть —</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+5" />
            <source>— unchanged —</source>
            <translation>— без змін —</translation>
        </message>
        <message>
            <location line="+3" />
            <source>What was said, what was agreed</source>
            <translation>Що сказали, про що домовилися</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tools used</source>
            <translation>Використані інструменти</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Invoice sum: </source>
            <translation>Сума рахунку: </translation>
        </message>
        <message>
            <location line="+4" />
            <source>Next contact</source>
            <translation>Наступний контакт</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Remind</source>
            <translation>Нагадати</translation>
        </message>
        <message>
            <location line="+7" />
            <source> min before</source>
            <translation> хв до</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New deal</source>
            <translation>Нова угода</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Client refused recording</source>
            <translation>Клієнт відмовився від запису</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Save wrap-up</source>
            <translation>Зберегти підсумки</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Discard</source>
            <translation>Скинути</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Drop what was typed for this call: the card's edits and the wrap-up</source>
            <translation>Відкинути введене для цього дзвінка: правки картки та підсумки дзвінка</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Call</source>
            <translation>Дзвінок</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead type</source>
            <translation>Тип ліда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stage</source>
            <translation>Етап</translation>
        </message>
        <message>
            <location line="+64" />
            <location line="+70" />
            <source>in progress</source>
            <translation>триває</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Choose the result of the call.</source>
            <translation>Оберіть результат дзвінка.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a reason for the result %1.</source>
            <translation>Оберіть причину для результату «%1».</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The next contact is in the past.</source>
            <translation>Наступний контакт — у минулому.</translation>
        </message>
    </context>
    <context>
        <name>owner</name>
        <message>
            <location filename="../../src/workstation/views/firstrun/wizard.py" line="-100" />
            <source>Wrong user name or password.</source>
            <translation>Неправильне ім'я користувача або пароль.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server name is not found (DNS): check the address.</source>
            <translation>Ім'я сервера не знайдено (DNS): перевірте адресу.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server refused the connection: check the port and that it runs.</source>
            <translation>Сервер відхилив з'єднання: перевірте порт і що сервер запущено.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The secure connection (SSL) failed: check sslmode and the certificate.</source>
            <translation>Захищене з'єднання (SSL) не вдалося: перевірте sslmode і сертифікат.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No answer from the server: check the network and VPN.</source>
            <translation>Сервер не відповідає: перевірте мережу та VPN.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cannot sign in.</source>
            <translation>Не вдається увійти.</translation>
        </message>
        <message>
            <location line="+103" />
            <source>Wrong user name or password (the PBX answered %1).</source>
            <translation>Неправильне ім'я користувача або пароль (АТС відповіла %1).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The PBX does not know this user.</source>
            <translation>АТС не знає цього користувача.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 cannot be found or reached (DNS, address).</source>
            <translation>%1 не знайдено або недоступний (DNS, адреса).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The TLS connection failed (certificate?): %1</source>
            <translation>TLS-з'єднання не вдалося (сертифікат?): %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No answer from %1: check the address and the network.</source>
            <translation>Немає відповіді від %1: перевірте адресу та мережу.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Registration failed: %1</source>
            <translation>Реєстрація не вдалася: %1</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <location filename="../../src/workstation/views/funnel/__init__.py" line="-16" />
            <source>Leads</source>
            <translation>Ліди</translation>
        </message>
    </context>
</TS>
